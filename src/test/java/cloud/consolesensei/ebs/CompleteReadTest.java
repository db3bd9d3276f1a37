package cloud.consolesensei.ebs;

import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.demo.DemoEstate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

class CompleteReadTest {

    private final List<CoverageGap> gaps = new ArrayList<>();

    @Test
    void aWholeListingIsReturned() {
        assertThat(CompleteRead.all(readContext(null, DemoEstate.PRODUCTION, "us-east-1", gaps), "ec2",
                "DescribeVolumes", () -> Stream.of("vol-1", "vol-2"))).contains(List.of("vol-1", "vol-2"));
        assertThat(gaps).isEmpty();
    }

    @Test
    void aFailureOnALaterPageMakesTheListUnknownAndRecordsTheGap() {
        Stream<String> pages = Stream.of("vol-1", "vol-2").map(v -> {
            if (v.equals("vol-2")) throw SdkClientException.create("Unable to execute HTTP request: connection reset");
            return v;
        });
        assertThat(CompleteRead.all(readContext(null, DemoEstate.PRODUCTION, "us-east-1", gaps), "ec2",
                "DescribeVolumes", () -> pages)).isEmpty();
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.operation()).isEqualTo("DescribeVolumes");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
        });
    }
}
