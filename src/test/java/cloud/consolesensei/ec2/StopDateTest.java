package cloud.consolesensei.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StopDateTest {

    @Test
    void readsTheDateEc2PutsInTheReason() {
        assertThat(StopDate.parse("User initiated (2023-01-15 10:20:30 GMT)"))
                .contains(Instant.parse("2023-01-15T10:20:30Z"));
        assertThat(StopDate.parse("Service initiated (2024-02-29 00:00:01 GMT)"))
                .contains(Instant.parse("2024-02-29T00:00:01Z"));
    }

    @Test
    void noOrUnreadableDateIsEmpty() {
        assertThat(StopDate.parse(null)).isEmpty();
        assertThat(StopDate.parse("")).isEmpty();
        assertThat(StopDate.parse("User initiated")).isEmpty();
        assertThat(StopDate.parse("Server.SpotInstanceTermination: Spot instance termination")).isEmpty();
        assertThat(StopDate.parse("User initiated (2023-13-45 99:99:99 GMT)")).isEmpty();
        assertThat(StopDate.parse("User initiated (15/01/2023 10:20 GMT)")).isEmpty();
    }
}
