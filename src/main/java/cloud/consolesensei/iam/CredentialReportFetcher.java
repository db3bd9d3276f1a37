package cloud.consolesensei.iam;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.collect.ReadContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Obtains a fresh IAM credential report, as the IAM User Guide ("Getting credential reports")
 * describes: {@code GenerateCredentialReport} until its State is {@code COMPLETE}, then
 * {@code GetCredentialReport}.
 * <ul>
 *   <li>{@code ReportInProgress} from GetCredentialReport: poll GetCredentialReport again;</li>
 *   <li>{@code ReportNotPresent} / {@code ReportExpired}: generate again;</li>
 *   <li>a report whose GeneratedTime is more than {@value #MAX_AGE_HOURS} hours old: generate again
 *       once (AWS itself only regenerates reports older than that), then use what comes.</li>
 * </ul>
 * Polling is bounded: at most {@code maxPolls} rounds, waits doubling from {@code firstDelay} up to
 * {@code maxDelay} (defaults 12 rounds, 1 s to 10 s: about 75 s). Running out of rounds is a
 * {@link ErrorClass#TIMEOUT} coverage gap on {@code GenerateCredentialReport}; any other failure is
 * the gap of the operation that failed.
 */
final class CredentialReportFetcher {

    static final int MAX_AGE_HOURS = 4;
    private static final Logger log = LoggerFactory.getLogger(CredentialReportFetcher.class);

    private final Sleeper sleeper;
    private final Clock clock;
    private final int maxPolls;
    private final Duration firstDelay;
    private final Duration maxDelay;

    CredentialReportFetcher(Sleeper sleeper, Clock clock, int maxPolls, Duration firstDelay, Duration maxDelay) {
        if (maxPolls < 1) throw new IllegalArgumentException("maxPolls must be >= 1");
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxPolls = maxPolls;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** Defaults: 12 polls, 1 s doubling to 10 s. */
    CredentialReportFetcher(Sleeper sleeper, Clock clock) {
        this(sleeper, clock, 12, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /**
     * Fetches the report of {@code ctx}'s account.
     *
     * @return the report, or empty after recording a coverage gap
     */
    Optional<GetCredentialReportResponse> fetch(ReadContext ctx, IamClient iam) {
        boolean generate = true;
        boolean regeneratedStale = false;
        Duration delay = firstDelay;
        for (int poll = 0; poll < maxPolls; poll++) {
            if (poll > 0) {
                if (!pause(ctx, delay)) return Optional.empty();
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
            if (generate) {
                Optional<ReportStateType> state = ctx.call(IamModule.SERVICE, "GenerateCredentialReport",
                        () -> iam.generateCredentialReport().state());
                if (state.isEmpty()) return Optional.empty();
                if (state.get() != ReportStateType.COMPLETE) continue;
                generate = false;
            }
            GetCredentialReportResponse report;
            try {
                report = iam.getCredentialReport();
            } catch (CredentialReportNotReadyException e) {
                continue;
            } catch (CredentialReportNotPresentException | CredentialReportExpiredException e) {
                generate = true;
                continue;
            } catch (RuntimeException e) {
                ctx.failed(IamModule.SERVICE, "GetCredentialReport", null, e);
                return Optional.empty();
            }
            if (stale(report) && !regeneratedStale) {
                log.info("credential report of {} generated at {} is older than {} hours: regenerating",
                        ctx.account().id(), report.generatedTime(), MAX_AGE_HOURS);
                regeneratedStale = true;
                generate = true;
                continue;
            }
            if (report.content() == null) {
                ctx.gap(IamModule.SERVICE, "GetCredentialReport", ErrorClass.MALFORMED_RESPONSE,
                        "the credential report has no Content", false);
                return Optional.empty();
            }
            return Optional.of(report);
        }
        ctx.gap(IamModule.SERVICE, "GenerateCredentialReport", ErrorClass.TIMEOUT,
                "the credential report was not ready after " + maxPolls + " polls", false);
        return Optional.empty();
    }

    private boolean stale(GetCredentialReportResponse r) {
        Instant generated = r.generatedTime();
        return generated != null && generated.isBefore(clock.instant().minus(Duration.ofHours(MAX_AGE_HOURS)));
    }

    private boolean pause(ReadContext ctx, Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.gap(IamModule.SERVICE, "GenerateCredentialReport", ErrorClass.TIMEOUT,
                    "interrupted while waiting for the credential report", false);
            return false;
        }
    }
}
