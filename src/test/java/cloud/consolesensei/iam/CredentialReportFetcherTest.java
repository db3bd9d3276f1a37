package cloud.consolesensei.iam;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.coverage.CoverageGap;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/** The credential report polling rules, against a scripted IAM endpoint (a fake of the client, not of the fetcher). */
class CredentialReportFetcherTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Deque<Supplier<GenerateCredentialReportResponse>> generate = new ArrayDeque<>();
    private final Deque<Supplier<GetCredentialReportResponse>> get = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Gaps gaps = new Gaps();

    private final IamClient iam = new IamClient() {
        @Override
        public GenerateCredentialReportResponse generateCredentialReport(GenerateCredentialReportRequest r) {
            calls.add("Generate");
            return generate.isEmpty() ? state(ReportStateType.INPROGRESS) : generate.pop().get();
        }

        @Override
        public GetCredentialReportResponse getCredentialReport(GetCredentialReportRequest r) {
            calls.add("Get");
            return get.pop().get();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };

    private static GenerateCredentialReportResponse state(ReportStateType s) {
        return GenerateCredentialReportResponse.builder().state(s).build();
    }

    private static GetCredentialReportResponse report(Instant generated) {
        return GetCredentialReportResponse.builder().generatedTime(generated).reportFormat("text/csv")
                .content(SdkBytes.fromUtf8String(IamTestSupport.Row.HEADER + "\n")).build();
    }

    private Optional<GetCredentialReportResponse> fetch(int maxPolls) {
        AwsClients clients = (AwsClients) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{AwsClients.class}, (p, m, a) -> m.getName().equals("iam") ? iam : null);
        return new CredentialReportFetcher(sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), maxPolls,
                Duration.ofSeconds(1), Duration.ofSeconds(4))
                .fetch(IamTestSupport.readContext(clients, gaps), iam);
    }

    @Test
    void aReportOlderThanFourHoursIsRegeneratedOnce() {
        Instant stale = NOW.minus(Duration.ofHours(4)).minusSeconds(1);
        Instant fresh = NOW.minusSeconds(5);
        generate.add(() -> state(ReportStateType.COMPLETE));
        get.add(() -> report(stale));
        generate.add(() -> state(ReportStateType.STARTED));
        generate.add(() -> state(ReportStateType.COMPLETE));
        get.add(() -> report(fresh));

        assertThat(fetch(12)).map(GetCredentialReportResponse::generatedTime).contains(fresh);
        assertThat(calls).containsExactly("Generate", "Get", "Generate", "Generate", "Get");
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void aReportExactlyFourHoursOldIsUsed() {
        generate.add(() -> state(ReportStateType.COMPLETE));
        get.add(() -> report(NOW.minus(Duration.ofHours(4))));
        assertThat(fetch(12)).isPresent();
        assertThat(calls).containsExactly("Generate", "Get");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void reportNotPresentMeansGenerateAgain() {
        generate.add(() -> state(ReportStateType.COMPLETE));
        get.add(() -> {
            throw CredentialReportNotPresentException.builder().message("no report").build();
        });
        generate.add(() -> state(ReportStateType.COMPLETE));
        get.add(() -> report(NOW));
        assertThat(fetch(12)).isPresent();
        assertThat(calls).containsExactly("Generate", "Get", "Generate", "Get");
    }

    @Test
    void pollingIsBoundedWithCappedBackoffAndEndsInATimeoutGap() {
        assertThat(fetch(5)).isEmpty();
        assertThat(calls).hasSize(5).containsOnly("Generate");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4));
        assertThat(gaps.recorded()).singleElement().extracting(CoverageGap::operation, CoverageGap::errorClass)
                .containsExactly("GenerateCredentialReport", ErrorClass.TIMEOUT);
    }

    @Test
    void interruptionStopsPollingWithAGap() {
        AccountTarget unused = IamTestSupport.TARGET;
        AwsClients clients = (AwsClients) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{AwsClients.class}, (p, m, a) -> m.getName().equals("iam") ? iam : null);
        Optional<GetCredentialReportResponse> r = new CredentialReportFetcher(d -> {
            throw new InterruptedException();
        }, Clock.fixed(NOW, ZoneOffset.UTC)).fetch(IamTestSupport.readContext(unused, clients, gaps), iam);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(r).isEmpty();
        assertThat(calls).containsExactly("Generate");
        assertThat(gaps.recorded()).singleElement().extracting(CoverageGap::message).asString().contains("interrupted");
    }
}
