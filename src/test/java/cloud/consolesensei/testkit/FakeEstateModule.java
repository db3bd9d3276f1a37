package cloud.consolesensei.testkit;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ResourceSource.Scope;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A test-only service module that needs no AWS: each regional partition yields
 * {@code fake-estate.items} widgets and each account's global partition {@code items / 10} keys,
 * each judged by one check that fires once per resource. {@code fake-estate.delay-ms} sleeps
 * before each item so a test can kill a run mid-way. Active only when {@code fake-estate.items}
 * is set, so it never leaks into other tests' application contexts.
 *
 * <p>{@code fake-estate.fail-at: N} with {@code fake-estate.fail-file: PATH}: while that file
 * exists, reading widget N throws an {@link InjectedFailure} (an Error: the job's readers turn
 * every RuntimeException into a coverage gap by design, so only an Error fails the job), which
 * is how a test makes a run fail and then restarts it.
 *
 * <p>{@code fake-estate.hold-at: N} with {@code fake-estate.hold-file: PATH}: while that file exists,
 * reading widget N of every regional partition waits. A test that signals or kills a run "mid-way"
 * holds it there, so the run cannot end before the test acts however fast or slow the machine is,
 * and releases it by deleting the file.
 */
@Component
@ConditionalOnProperty(name = "fake-estate.items")
public class FakeEstateModule implements ServiceModule {

    /** Check id of the widgets' check. */
    public static final String WIDGET_CHECK = "fake.widget_flagged";
    /** Check id of the keys' check. */
    public static final String KEY_CHECK = "fake.key_flagged";

    private final int items;
    private final long delayMs;
    private final int failAt;
    private final String failFile;
    private final int holdAt;
    private final String holdFile;

    public FakeEstateModule(@Value("${fake-estate.items}") int items, @Value("${fake-estate.delay-ms:0}") long delayMs,
                            @Value("${fake-estate.fail-at:-1}") int failAt, @Value("${fake-estate.fail-file:}") String failFile,
                            @Value("${fake-estate.hold-at:-1}") int holdAt, @Value("${fake-estate.hold-file:}") String holdFile) {
        this.items = items;
        this.delayMs = delayMs;
        this.failAt = failAt;
        this.failFile = failFile;
        this.holdAt = holdAt;
        this.holdFile = holdFile;
    }

    /** The failure a test injects. */
    public static final class InjectedFailure extends Error {
        InjectedFailure(String message) {
            super(message);
        }
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return List.of(new FakeSource("fake.widgets", Scope.REGIONAL, items, definition(WIDGET_CHECK, "Widget")),
                new FakeSource("fake.keys", Scope.GLOBAL, Math.max(1, items / 10), definition(KEY_CHECK, "Key")));
    }

    private static CheckDefinition definition(String id, String type) {
        return new CheckDefinition(id, type + " flagged", Severity.LOW, "ec2", type, "Every item is flagged.", "A fixed test figure.", "Test risk.",
                "Test remediation.", List.of("ec2:DescribeInstances"), List.of(), List.of(), MoneyKind.SAVINGS);
    }

    /** One fake resource. */
    public record Item(String id, int n) {
    }

    private final class FakeSource implements ResourceSource<Item> {
        private final String id;
        private final Scope scope;
        private final int count;
        private final CheckDefinition def;
        private final InventorySheet sheet;

        FakeSource(String id, Scope scope, int count, CheckDefinition def) {
            this.id = id;
            this.scope = scope;
            this.count = count;
            this.def = def;
            this.sheet = new InventorySheet("Fake " + def.resourceType() + "s",
                    List.of(InventorySheet.Column.text("ID"), InventorySheet.Column.number("N")));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public Stream<Item> read(ReadContext context) {
            return IntStream.range(0, count).mapToObj(n -> {
                pause();
                if (n == holdAt && scope == Scope.REGIONAL && !holdFile.isEmpty()) hold(java.nio.file.Path.of(holdFile));
                if (n == failAt && scope == Scope.REGIONAL && !failFile.isEmpty()
                        && java.nio.file.Files.exists(java.nio.file.Path.of(failFile))) {
                    throw new InjectedFailure("injected failure at widget " + n + " (" + failFile + " exists)");
                }
                return new Item(String.format("%s-%04d", def.resourceType().toLowerCase(), n), n);
            });
        }

        @Override
        public List<Check<Item>> checks() {
            return List.of(new Check<>() {
                @Override
                public CheckDefinition definition() {
                    return def;
                }

                @Override
                public List<Finding> evaluate(Item r, CheckContext ctx) {
                    return List.of(ctx.finding(def, r.id()).detail("item " + r.n() + " of " + ctx.accountId())
                            .monthlyCostUsd(BigDecimal.valueOf(r.n(), 2)).build());
                }
            });
        }

        @Override
        public InventorySheet sheet() {
            return sheet;
        }

        @Override
        public InventoryRow inventoryRow(Item r, CheckContext ctx) {
            return new InventoryRow(sheet.name(), ctx.accountId(), ctx.region(), r.id(), List.of(r.id(), (long) r.n()));
        }
    }

    private static void hold(java.nio.file.Path file) {
        while (java.nio.file.Files.exists(file)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void pause() {
        if (delayMs <= 0) return;
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
