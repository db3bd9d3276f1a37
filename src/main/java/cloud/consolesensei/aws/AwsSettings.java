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
 */
public record AwsSettings(String retryMode, int maxAttempts, int concurrency, int concurrencyPerAccount,
                          Duration connectTimeout, Duration readTimeout, Duration roleSessionDuration,
                          String stsHomeRegion) {

    /** Defaults: standard retries, 8 attempts, 8 partitions, 4 per account, 1-hour sessions. */
    public static AwsSettings defaults() {
        return new AwsSettings("standard", 8, 8, 4, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofHours(1), "us-east-1");
    }
}
