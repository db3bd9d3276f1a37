package cloud.consolesensei.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CONTRACT's exit codes of a run, from how its job execution ended: 0 all audited, 3 coverage
 * gaps, 4 mail not delivered (gaps win), 1 anything but COMPLETED, 130 / 143 stopped by SIGINT /
 * SIGTERM.
 */
class ExitCodeTest {

    @Test
    void completedWithoutGapsIs0() {
        assertThat(RunOutcome.exitCode(BatchStatus.COMPLETED, 0, false)).isZero();
    }

    @Test
    void completedWithGapsIs3() {
        assertThat(RunOutcome.exitCode(BatchStatus.COMPLETED, 1, false)).isEqualTo(3);
        assertThat(RunOutcome.exitCode(BatchStatus.COMPLETED, 250, false)).isEqualTo(3);
    }

    @Test
    void completedButTheMailFailedIs4() {
        assertThat(RunOutcome.exitCode(BatchStatus.COMPLETED, 0, true)).isEqualTo(4);
    }

    @Test
    void gapsWinOverAFailedMail() {
        assertThat(RunOutcome.exitCode(BatchStatus.COMPLETED, 2, true)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = BatchStatus.class, names = "COMPLETED", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherStatusIs1(BatchStatus status) {
        assertThat(RunOutcome.exitCode(status, 0, false)).isEqualTo(1);
        assertThat(RunOutcome.exitCode(status, 5, true)).isEqualTo(1);
    }

    @Test
    void aRunStoppedBySignalExitsWith128PlusTheSignalNumber() {
        assertThat(ProcessStop.Signal.INT.exitCode()).isEqualTo(130);
        assertThat(ProcessStop.Signal.TERM.exitCode()).isEqualTo(143);
    }
}
