package cloud.consolesensei.collect;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageSink;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceTable;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a {@link ResourceSource} needs to read one account (and region), plus the shared
 * error mechanism: every AWS call goes through {@link #call} or {@link #stream}, which classify a
 * failure ({@link AwsErrorClassifier}), record it as a coverage gap and let the audit go on.
 * Retries happen below, in the SDK's retry strategy, once.
 *
 * @param account  account being audited
 * @param region   region being audited, or {@code global} for global sources
 * @param clients  the run's client factory
 * @param asOf     as-of date (UTC)
 * @param settings effective check settings
 * @param prices   bundled price table
 * @param gaps     where coverage gaps go
 * @param options  run options sources may consult (refresh flags)
 */
public record ReadContext(AccountTarget account, String region, AwsClients clients, LocalDate asOf,
                          CheckSettings settings, PriceTable prices, CoverageSink gaps, RunOptions options) {

    private static final Logger log = LoggerFactory.getLogger(ReadContext.class);

    /**
     * Run-wide options a source may read.
     *
     * @param runId        identifies the run (job instance) across restarts
     * @param refreshCosts ignore cached Cost Explorer results and ask again
     */
    public record RunOptions(String runId, boolean refreshCosts) {
    }

    /** The context handed to checks for resources of this read. */
    public CheckContext checkContext() {
        return new CheckContext(account.id(), account.name(), region, asOf, settings, prices);
    }

    /**
     * Makes one AWS call; on failure records a coverage gap for (account, region, service,
     * operation) and returns empty.
     */
    public <T> Optional<T> call(String service, String operation, Supplier<T> call) {
        return call(service, operation, null, call);
    }

    /**
     * As {@link #call(String, String, Supplier)}, for a call about one resource: the gap's message
     * names it ({@code subject}, e.g. "bucket logs-eu").
     */
    public <T> Optional<T> call(String service, String operation, String subject, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            failed(service, operation, subject, e);
            return Optional.empty();
        }
    }

    /**
     * Streams the items of a paginated API lazily; a failure while opening or while fetching any
     * page records a gap and ends the stream (items already streamed stay).
     *
     * @param opener builds the stream, typically {@code () -> client.xxxPaginator(req).items().stream()}
     */
    public <T> Stream<T> stream(String service, String operation, Supplier<Stream<T>> opener) {
        Iterator<T> guarded = new Iterator<>() {
            private Iterator<T> it;
            private boolean failed;

            private boolean ensure() {
                if (failed) return false;
                try {
                    if (it == null) it = opener.get().iterator();
                    return it.hasNext();
                } catch (RuntimeException e) {
                    failed = true;
                    failed(service, operation, null, e);
                    return false;
                }
            }

            @Override
            public boolean hasNext() {
                return ensure();
            }

            @Override
            public T next() {
                if (!ensure()) throw new NoSuchElementException();
                return it.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(guarded, Spliterator.ORDERED), false);
    }

    /**
     * Records a gap for a failure the source (or the step reading it) caught itself. An exception
     * that is not the SDK's and not an unreadable answer is a defect of this program:
     * {@link ErrorClass#INTERNAL_ERROR}, its message naming the exception type and the code it came
     * from, its stack trace logged at ERROR once per run and code location (a bug in a check meets
     * every resource).
     */
    public void failed(String service, String operation, String subject, Throwable e) {
        ErrorClass cls = AwsErrorClassifier.classify(e, Regions.isOptIn(region));
        String message = AwsErrorClassifier.message(e);
        if (subject != null) message = subject + ": " + message;
        boolean info = cls == ErrorClass.REGION_NOT_ENABLED || cls == ErrorClass.DATA_UNAVAILABLE;
        if (cls == ErrorClass.INTERNAL_ERROR) {
            if (InternalErrors.first(options == null ? "" : options.runId(), e)) {
                log.error("internal error (a defect of this program): account={} region={} {}:{} - {}", account.id(), region,
                        service, operation, message, e);
            } else {
                log.error("internal error (a defect of this program, stack trace logged above): account={} region={} {}:{} - {}",
                        account.id(), region, service, operation, message);
            }
        } else {
            log.warn("coverage gap: account={} region={} {}:{} {} - {}", account.id(), region, service, operation,
                    cls.label(), message);
        }
        gaps.record(new CoverageGap(account.id(), region, service, operation, cls, message, info));
    }

    /** Records an informational or explicit gap. */
    public void gap(String service, String operation, ErrorClass cls, String message, boolean info) {
        gaps.record(new CoverageGap(account.id(), region, service, operation, cls, message, info));
    }
}
