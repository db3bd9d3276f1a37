package cloud.consolesensei.job;

import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.testkit.FakeEstateModule;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.Reads;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collect step's reader as Spring Batch drives it across a restart: {@code open} with the
 * step's execution context, {@code read} a chunk, {@code update} at the commit, then a new reader
 * (a restarted execution) opened with the saved context resumes after the committed items.
 */
class AuditItemReaderRestartTest {

    /** Widgets per regional source of the fake estate. */
    private static final int WIDGETS = 7;

    private final Gaps gaps = new Gaps();

    @Test
    void aRestartedReaderResumesAfterTheLastCommittedItem() throws Exception {
        StepExecution first = MetaDataInstanceFactory.createStepExecution();
        AuditItemReader reader = reader(regional());
        reader.open(first.getExecutionContext());
        List<Object> committed = read(reader, 3);
        reader.update(first.getExecutionContext()); // the chunk commit
        read(reader, 2); // read but never committed: the execution dies here
        reader.close();

        StepExecution restart = MetaDataInstanceFactory.createStepExecution(
                new ExecutionContext(first.getExecutionContext()));
        AuditItemReader resumed = reader(regional());
        resumed.open(restart.getExecutionContext());
        List<Object> rest = readAll(resumed);
        resumed.close();

        assertThat(ids(committed)).containsExactly("widget-0000", "widget-0001", "widget-0002");
        assertThat(ids(rest)).containsExactly("widget-0003", "widget-0004", "widget-0005", "widget-0006");
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void theSavedPositionIsTheSourceIndexAndTheItemsReadFromIt() throws Exception {
        List<ResourceSource<?>> two = List.of(regional().get(0), regional().get(0));
        ExecutionContext ec = MetaDataInstanceFactory.createStepExecution().getExecutionContext();
        AuditItemReader reader = reader(two);
        reader.open(ec);
        read(reader, WIDGETS + 2);
        reader.update(ec);
        reader.close();

        assertThat(ec.getInt("reader.source")).isEqualTo(1);
        assertThat(ec.getLong("reader.offset")).isEqualTo(2L);

        AuditItemReader resumed = reader(two);
        resumed.open(new ExecutionContext(ec));
        List<Object> rest = readAll(resumed);
        resumed.close();
        assertThat(rest).hasSize(WIDGETS - 2);
        assertThat(((CollectedItem) rest.get(0)).sourceIndex()).isEqualTo(1);
    }

    @Test
    void aFreshExecutionContextStartsAtTheFirstItemOfTheFirstSource() throws Exception {
        AuditItemReader reader = reader(regional());
        reader.open(new ExecutionContext());
        List<Object> all = readAll(reader);
        reader.close();
        assertThat(all).hasSize(WIDGETS);
        assertThat(ids(all).get(0)).isEqualTo("widget-0000");
    }

    @Test
    void aFinishedReaderSavesAPositionPastTheLastSource() throws Exception {
        ExecutionContext ec = new ExecutionContext();
        AuditItemReader reader = reader(regional());
        reader.open(ec);
        readAll(reader);
        reader.update(ec);
        reader.close();

        AuditItemReader again = reader(regional());
        again.open(new ExecutionContext(ec));
        assertThat(again.read()).isNull();
        again.close();
    }

    private AuditItemReader reader(List<ResourceSource<?>> sources) {
        ReadContext ctx = Reads.of(Fixtures.account(Fixtures.ACCOUNT, "test", List.of("us-east-1")), null)
                .region("us-east-1").gaps(gaps).context();
        return new AuditItemReader(new PartitionWork(null, ctx, sources));
    }

    /** The fake estate's regional source (widgets), which needs no AWS. */
    private static List<ResourceSource<?>> regional() {
        return new FakeEstateModule(WIDGETS, 0, -1, "", -1, "").sources().stream()
                .filter(s -> s.scope() == ResourceSource.Scope.REGIONAL).toList();
    }

    private static List<Object> read(AuditItemReader reader, int n) throws Exception {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(reader.read());
        return out;
    }

    private static List<Object> readAll(AuditItemReader reader) throws Exception {
        List<Object> out = new ArrayList<>();
        for (Object item = reader.read(); item != null; item = reader.read()) out.add(item);
        return out;
    }

    private static List<String> ids(List<Object> items) {
        return items.stream().map(i -> ((FakeEstateModule.Item) ((CollectedItem) i).resource()).id()).toList();
    }
}
