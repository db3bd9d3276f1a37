package cloud.consolesensei.aws;

import java.time.Duration;

/**
 * How the run talks to AWS ({@code consolesensei.aws.*}).
 *
 * @param retryMode              {@code standard} or {@code adaptive} (client-side rate limiting)
 * @param maxAttempts            attempts per call, first included (SDK retry strategy), 1..20
 * @param concurrency            global number of parallel partitions (account x region); also the HTTP pool size
 * @param concurrencyPerAccount  at most this many partitions of one account at once
 * @param connectTimeout         TCP connect timeout
 * @param readTimeout            socket read timeout per attempt
 * @param roleSessionDuration    AssumeRole session duration (AWS allows 15 min to the role's maximum)
 * @param stsHomeRegion          region whose STS endpoint issues sessions for global services
 * @param retryBaseDelay         base delay of the exponential backoff (full jitter) between attempts after a
 *                               transient error; throttling errors back off from five times it
 * @param apiCallTimeout         the longest one API call may take, every attempt and backoff included: an
 *                               endpoint that never answers costs at most this, then the call fails as
 *                               {@link ErrorClass#TIMEOUT}
 */
public record AwsSettings(String retryMode, int maxAttempts, int concurrency, int concurrencyPerAccount,
                          Duration connectTimeout, Duration readTimeout, Duration roleSessionDuration,
                          String stsHomeRegion, Duration retryBaseDelay, Duration apiCallTimeout) {

    /** The default retry base delay: 100 ms (throttling: 500 ms), as the SDK's standard mode uses. */
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(100);

    /** The default API call timeout: 2 minutes, every attempt and backoff included. */
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMinutes(2);

    public AwsSettings {
        if (retryBaseDelay == null || retryBaseDelay.isNegative() || retryBaseDelay.isZero()) {
            retryBaseDelay = DEFAULT_RETRY_BASE_DELAY;
        }
        if (apiCallTimeout == null || apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;
        }
    }

    /** As the canonical constructor, with the default API call timeout. */
    public AwsSettings(String retryMode, int maxAttempts, int concurrency, int concurrencyPerAccount,
                       Duration connectTimeout, Duration readTimeout, Duration roleSessionDuration, String stsHomeRegion,
                       Duration retryBaseDelay) {
        this(retryMode, maxAttempts, concurrency, concurrencyPerAccount, connectTimeout, readTimeout,
                roleSessionDuration, stsHomeRegion, retryBaseDelay, DEFAULT_API_CALL_TIMEOUT);
    }

    /** As the canonical constructor, with the default retry base delay. */
    public AwsSettings(String retryMode, int maxAttempts, int concurrency, int concurrencyPerAccount,
                       Duration connectTimeout, Duration readTimeout, Duration roleSessionDuration, String stsHomeRegion) {
        this(retryMode, maxAttempts, concurrency, concurrencyPerAccount, connectTimeout, readTimeout,
                roleSessionDuration, stsHomeRegion, DEFAULT_RETRY_BASE_DELAY);
    }

    /** Defaults: standard retries, 8 attempts, 8 partitions, 4 per account, 1-hour sessions, 2-minute calls. */
    public static AwsSettings defaults() {
        return new AwsSettings("standard", 8, 8, 4, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofHours(1), "us-east-1");
    }
}
