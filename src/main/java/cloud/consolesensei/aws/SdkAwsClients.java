package cloud.consolesensei.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.invoicing.InvoicingClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@link AwsClients} for real AWS or any AWS-compatible endpoint.
 * <ul>
 *   <li>Credentials: the SDK's default provider chain; for an account with a role, a
 *       {@link StsAssumeRoleCredentialsProvider} per (account, region) that calls the regional STS
 *       endpoint of the audited region (tokens valid in opt-in regions) and refreshes the session
 *       before it expires. Global services (IAM, Cost Explorer, Organizations) get their session
 *       from the STS endpoint of {@link AwsSettings#stsHomeRegion()}.</li>
 *   <li>Endpoints: none are set here, so the SDK's own {@code AWS_ENDPOINT_URL},
 *       {@code AWS_ENDPOINT_URL_<SERVICE>} (and system properties {@code aws.endpointUrl...}, a
 *       profile's {@code endpoint_url}) apply to every client, STS included. When one is in effect,
 *       S3 uses path-style addressing and S3 Control does not put the account ID in the host.</li>
 *   <li>Retries: one strategy, configured once ({@link #retryStrategy(AwsSettings)}), for every client;
 *       it also retries Cost Explorer's {@code LimitExceededException}, which the SDK does not know.</li>
 *   <li>Time limits, set here for every client: {@code connect-timeout} and {@code read-timeout} per attempt,
 *       {@code api-call-timeout} for a whole call; a call that gets no answer names the endpoint it
 *       could not reach ({@link EndpointDiagnostics}).</li>
 *   <li>One shared Apache HTTP connection pool sized to the run's concurrency.</li>
 * </ul>
 */
public final class SdkAwsClients implements AwsClients {

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider base;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final Map<String, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();
    private final EndpointDiagnostics diagnostics;
    /** Whether an endpoint override is configured for S3 and for S3 Control: settled once, not at every call. */
    private final boolean s3Override;
    private final boolean s3ControlOverride;

    public SdkAwsClients(AwsSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    public SdkAwsClients(AwsSettings settings, AwsCredentialsProvider base) {
        this.settings = settings;
        this.base = base;
        this.diagnostics = new EndpointDiagnostics(settings);
        // the connect and read timeouts bound each attempt, the API call timeout (override()) the whole call
        this.http = ApacheHttpClient.builder()
                .maxConnections(Math.max(16, settings.concurrency() * 2))
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .build();
        // read once: the profile file behind it is parsed each time it is asked
        this.s3Override = endpointOverridden("S3", "S3");
        this.s3ControlOverride = endpointOverridden("S3_CONTROL", "S3Control");
    }

    @Override
    public void resolveBaseCredentials() {
        base.resolveCredentials();
    }

    /**
     * The run's retry strategy, the only retry layer of AWS calls: standard or adaptive (client-side
     * rate limiting), {@code maxAttempts} attempts, exponential backoff with full jitter from
     * {@code retryBaseDelay} (throttling errors from five times it), capped at 20 s.
     * <p>
     * What it retries: the SDK's own throttling codes ({@code Throttling}, {@code ThrottlingException},
     * {@code RequestLimitExceeded}, {@code SlowDown}, {@code TooManyRequestsException}, HTTP 429, ...),
     * 5xx answers, I/O errors (connection reset, read timeout) and clock-skew codes (after
     * adjusting the skew); plus {@code LimitExceededException}, Cost Explorer's throttling code,
     * which the SDK does not know.
     */
    public static RetryStrategy retryStrategy(AwsSettings settings) {
        RetryStrategy.Builder<?, ?> b = "adaptive".equalsIgnoreCase(settings.retryMode())
                ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder();
        Duration base = settings.retryBaseDelay();
        Duration max = Duration.ofSeconds(20);
        return b.maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(base, max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base.multipliedBy(5), max))
                .retryOnException(SdkAwsClients::isExtraThrottle)
                .treatAsThrottling(t -> isExtraThrottle(t) || t instanceof AwsServiceException a && a.isThrottlingException())
                .build();
    }

    /** Cost Explorer throttles with {@code LimitExceededException}, which the SDK does not retry by itself. */
    static boolean isExtraThrottle(Throwable t) {
        return t instanceof AwsServiceException a && a.awsErrorDetails() != null
                && "LimitExceededException".equals(a.awsErrorDetails().errorCode());
    }

    private <B extends AwsClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
            String service, AccountTarget account, String region, Supplier<B> builder,
            UnaryOperator<B> extra) {
        return build(service, account, region, region, builder, extra);
    }

    /**
     * A client of {@code region} whose role session (if any) comes from the STS endpoint of
     * {@code sessionRegion}: the audited region for regional services, the STS home region for
     * global ones (IAM, Cost Explorer, Organizations).
     */
    private <B extends AwsClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
            String service, AccountTarget account, String region, String sessionRegion, Supplier<B> builder,
            UnaryOperator<B> extra) {
        String key = service + '|' + account.id() + '|' + region;
        @SuppressWarnings("unchecked")
        C existing = (C) clients.get(key);
        if (existing != null) return existing;
        // resolved before computeIfAbsent: building a role's provider adds its STS client to `clients`,
        // and a ConcurrentHashMap must not be updated from inside its own computeIfAbsent ("Recursive update")
        AwsCredentialsProvider provider = credentialsFor(account, sessionRegion);
        @SuppressWarnings("unchecked")
        C c = (C) clients.computeIfAbsent(key, k -> {
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(provider)
                    .overrideConfiguration(override());
            if (b instanceof SdkSyncClientBuilder<?, ?> sb) {
                sb.httpClient(http);
            }
            return extra.apply(b).build();
        });
        return c;
    }

    /**
     * What every client shares: the retry strategy, the API call timeout (all attempts included), the
     * check that an answer is not an HTML page, and the endpoint diagnostics (which endpoint could not
     * be reached, progress while one does not answer).
     */
    private ClientOverrideConfiguration override() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings))
                .apiCallTimeout(settings.apiCallTimeout())
                .addExecutionInterceptor(NotAnAwsAnswer.INSTANCE)
                .addExecutionInterceptor(diagnostics)
                .build();
    }

    /** Base credentials, or the account's role assumed through the STS endpoint of {@code region}. */
    AwsCredentialsProvider credentialsFor(AccountTarget account, String region) {
        if (account.roleArn() == null || account.roleArn().isBlank()) {
            return base;
        }
        String key = account.id() + '|' + region;
        return credentials.computeIfAbsent(key, k -> {
            StsClient sts = StsClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(base)
                    .httpClient(http)
                    .overrideConfiguration(override())
                    .build();
            clients.put("sts-base|" + key, sts);
            int seconds = (int) Math.max(900, settings.roleSessionDuration().toSeconds());
            StsAssumeRoleCredentialsProvider p = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .asyncCredentialUpdateEnabled(false)
                    .refreshRequest(r -> {
                        r.roleArn(account.roleArn())
                                .roleSessionName("consolesensei-" + account.id())
                                .durationSeconds(seconds);
                        if (account.externalId() != null && !account.externalId().isBlank()) {
                            r.externalId(account.externalId());
                        }
                    })
                    .build();
            clients.put("sts-provider|" + key, p);
            return p;
        });
    }

    /** True when an endpoint override for {@code serviceEnv} (e.g. {@code S3}) is configured the SDK's way. */
    static boolean endpointOverridden(String serviceEnv, String sysPropSuffix) {
        return nonBlank(System.getenv("AWS_ENDPOINT_URL")) || nonBlank(System.getenv("AWS_ENDPOINT_URL_" + serviceEnv))
                || nonBlank(System.getProperty("aws.endpointUrl"))
                || nonBlank(System.getProperty("aws.endpointUrl" + sysPropSuffix))
                || profileEndpoint();
    }

    private static boolean profileEndpoint() {
        try {
            String name = Objects.requireNonNullElse(System.getenv("AWS_PROFILE"), "default");
            return ProfileFile.defaultProfileFile().profile(name)
                    .flatMap(p -> p.property("endpoint_url")).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public Ec2Client ec2(AccountTarget account, String region) {
        return build("ec2", account, region, Ec2Client::builder, b -> b);
    }

    @Override
    public AutoScalingClient autoScaling(AccountTarget account, String region) {
        return build("autoscaling", account, region, AutoScalingClient::builder, b -> b);
    }

    @Override
    public S3Client s3(AccountTarget account, String region) {
        return build("s3", account, region, S3Client::builder, b -> b.forcePathStyle(s3Override));
    }

    @Override
    public S3ControlClient s3Control(AccountTarget account, String region) {
        return build("s3control", account, region, S3ControlClient::builder, b -> {
            if (s3ControlOverride) {
                S3ControlEndpointProvider def = S3ControlEndpointProvider.defaultProvider();
                // The account-id host prefix (<account>.127.0.0.1) resolves nowhere off AWS.
                b.endpointProvider(params -> def.resolveEndpoint(params.toBuilder().requiresAccountId(false).build()));
            }
            return b;
        });
    }

    @Override
    public IamClient iam(AccountTarget account) {
        return build("iam", account, "us-east-1", settings.stsHomeRegion(), IamClient::builder, b -> b.region(Region.AWS_GLOBAL));
    }

    @Override
    public CostExplorerClient costExplorer(AccountTarget account) {
        return build("ce", account, "us-east-1", settings.stsHomeRegion(), CostExplorerClient::builder, b -> b);
    }

    @Override
    public BudgetsClient budgets(AccountTarget account) {
        return build("budgets", account, "us-east-1", settings.stsHomeRegion(), BudgetsClient::builder, b -> b);
    }

    @Override
    public InvoicingClient invoicing(AccountTarget account) {
        return build("invoicing", account, "us-east-1", settings.stsHomeRegion(), InvoicingClient::builder, b -> b);
    }

    @Override
    public StsClient sts(AccountTarget account, String region) {
        return build("sts", account, region, StsClient::builder, b -> b);
    }

    @Override
    public OrganizationsClient organizations(AccountTarget account) {
        return build("organizations", account, "us-east-1", settings.stsHomeRegion(), OrganizationsClient::builder, b -> b);
    }

    @Override
    public CloudWatchClient cloudWatch(AccountTarget account, String region) {
        return build("cloudwatch", account, region, CloudWatchClient::builder, b -> b);
    }

    @Override
    public PricingClient pricing(AccountTarget account) {
        return build("pricing", account, "us-east-1", settings.stsHomeRegion(), PricingClient::builder, b -> b);
    }

    @Override
    public boolean demo() {
        return false;
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the run's results are already written
            }
        });
        clients.clear();
        credentials.clear();
        http.close();
    }
}
