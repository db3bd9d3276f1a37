package cloud.consolesensei.aws;

/**
 * The error classes users see in coverage gaps, each with the remedy sentence the report prints.
 * {@link #isFatalForIdentity()} marks the classes that make every later call of the same
 * credentials fail too.
 */
public enum ErrorClass {
    INVALID_CREDENTIALS("Invalid credentials",
            "The access key is unknown or its signature is wrong: check the credentials the AWS SDK default chain picks up (environment, profile, SSO, instance role)."),
    EXPIRED_CREDENTIALS("Expired credentials",
            "The session token has expired: refresh the SSO/profile session, or check that the role session can be renewed."),
    ACCESS_DENIED("Access denied",
            "Grant the IAM action named in this row to the audit identity (see the least-privilege policy in the README, or run `doctor`)."),
    ROLE_NOT_ASSUMABLE("Role could not be assumed",
            "Check the role ARN, that its trust policy allows the audit identity, and the external id."),
    THROTTLED("Throttled",
            "AWS kept throttling past the retry budget: lower consolesensei.aws.concurrency-per-account, raise consolesensei.aws.max-attempts, or run outside busy hours."),
    REGION_NOT_ENABLED("Region not enabled",
            "The region is an opt-in region that is not enabled for this account: enable it (Account settings > AWS Regions) or remove it from the account's regions."),
    CLOCK_SKEW("Clock skew",
            "The machine's clock differs from AWS's by more than 5 minutes: synchronise it (NTP)."),
    TIMEOUT("Timeout or connection error",
            "The endpoint did not answer in time, refused or dropped the connection (a network problem, not one of credentials): check that the endpoint named is up and reachable (AWS_ENDPOINT_URL, proxy, VPC endpoint) and retry."),
    SERVICE_ERROR("AWS service error",
            "AWS answered with a server error (5xx) past the retry budget: retry the run later; check the AWS Health Dashboard."),
    MALFORMED_RESPONSE("Malformed response",
            "The answer could not be parsed as the AWS API documents it: check any proxy or AWS-compatible endpoint in between (AWS_ENDPOINT_URL)."),
    DATA_UNAVAILABLE("Data unavailable",
            "The service has too little data to answer yet (e.g. a Cost Explorer forecast for a new account); it fills in by itself."),
    NOT_FOUND("Not found",
            "The resource disappeared or was never there; if it should exist, check the account and region."),
    CLIENT_ERROR("Request rejected",
            "AWS rejected the request: see the message; if it persists, report it with the message."),
    INTERNAL_ERROR("Internal error",
            "A defect of ConsoleSensei itself, not of AWS or your settings: the log holds its stack trace; report the message and the log to the maintainers.");

    private final String label;
    private final String remedy;

    ErrorClass(String label, String remedy) {
        this.label = label;
        this.remedy = remedy;
    }

    /** Short label for reports ("Access denied"). */
    public String label() {
        return label;
    }

    /** One-sentence remedy for the report's remedy column. */
    public String remedy() {
        return remedy;
    }

    /** True when the identity itself is unusable: retrying other calls with it is pointless. */
    public boolean isFatalForIdentity() {
        return this == INVALID_CREDENTIALS || this == EXPIRED_CREDENTIALS || this == CLOCK_SKEW;
    }
}
