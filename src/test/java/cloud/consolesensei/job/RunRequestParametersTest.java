package cloud.consolesensei.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run request as job parameters and back, as a restart reads it from the stored execution:
 * {@code run.id} alone identifies the job instance, the account ids travel as the stored selection.
 */
class RunRequestParametersTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        RunRequest request = new RunRequest("run-7", AS_OF, List.of("111111111111", "222222222222"),
                List.of("us-east-1", "eu-west-1"), Path.of("/var/reports"), true, false, true);

        JobExecution execution = MetaDataInstanceFactory.createJobExecution("audit", 1L, 2L, request.toJobParameters());

        assertThat(RunRequest.from(execution.getJobParameters(), request.accountIds())).isEqualTo(request);
    }

    @Test
    void onlyTheRunIdIdentifiesTheJobInstance() {
        JobParameters p = new RunRequest("run-8", AS_OF, List.of(), List.of(), Path.of("reports"), false, true, false)
                .toJobParameters();

        assertThat(p.getIdentifyingParameters()).extracting(jp -> jp.name()).containsExactly("run.id");
        assertThat(p.getString("run.id")).isEqualTo("run-8");
        assertThat(p.getLong(RunRequest.SELECTED)).isZero();
    }

    @Test
    void theAccountIdsAreCountedNotCarried() {
        JobParameters p = new RunRequest("run-9", AS_OF, List.of("111111111111", "222222222222", "333333333333"),
                List.of(), Path.of("reports"), false, false, false).toJobParameters();

        assertThat(p.getLong(RunRequest.SELECTED)).isEqualTo(3L);
        assertThat(p.getString("accounts")).isNull();
        assertThat(RunRequest.from(p, List.of("111111111111")).accountIds()).containsExactly("111111111111");
    }

    @Test
    void anExecutionStartedBeforeTheSelectionMovedToRowsKeepsItsAccountsParameter() {
        JobParameters legacy = new JobParametersBuilder(new RunRequest("run-old", AS_OF, List.of(), List.of("us-east-1"),
                Path.of("reports"), false, false, false).toJobParameters())
                .addString("accounts", "111111111111, 222222222222", false).toJobParameters();

        RunRequest back = RunRequest.from(legacy, List.of("999999999999"));

        assertThat(back.accountIds()).containsExactly("111111111111", "222222222222");
        assertThat(back.regions()).containsExactly("us-east-1");
    }
}
