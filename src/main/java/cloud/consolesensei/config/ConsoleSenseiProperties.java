package cloud.consolesensei.config;

import cloud.consolesensei.aws.AwsSettings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code consolesensei.*} configuration (README, "Configuration"), bound strictly: a key
 * under {@code consolesensei.} that is not declared here is a configuration error (exit 2).
 * Semantic checks (account ID shape, region names, thresholds) are in {@link ConfigValidator}.
 *
 * @param accounts      accounts to audit
 * @param organizations AWS Organizations discovery
 * @param schedule      cron schedules of the jobs
 * @param mail          email settings
 * @param suppressions  the mute list
 * @param aws           how to call AWS (retries, concurrency, timeouts)
 * @param checks        {@code <check id>.<setting>}: validated against the check catalog
 * @param cost          Cost Explorer settings, bound by the cost package
 * @param dataDir       folder of the embedded (H2) database, default {@code ./data}; a relative path is
 *                      resolved against the working folder ({@link #dataPath})
 * @param reportsDir    default reports directory ({@code --reports-dir} overrides); a relative path is
 *                      resolved against the folder holding the data folder ({@link #reportsPath})
 * @param retention     how long run history and report files are kept
 * @param workbookTemplate the .xlsx the workbook takes its look from (optional; default the shipped
 *                      {@code reports-templates/workbook.xlsx}); relative: against the working folder
 * @param partitioning  where the collect partitions run: this JVM's threads or remote workers
 * @param web           users and OIDC of the web console and API that {@code serve} serves
 */
@ConfigurationProperties(prefix = "consolesensei", ignoreUnknownFields = false)
public record ConsoleSenseiProperties(
        @DefaultValue List<Account> accounts,
        @DefaultValue Organizations organizations,
        @DefaultValue Schedule schedule,
        @DefaultValue Mail mail,
        @DefaultValue List<Suppression> suppressions,
        @DefaultValue Aws aws,
        @DefaultValue Map<String, Object> checks,
        @DefaultValue Map<String, Object> cost,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("./reports") String reportsDir,
        @DefaultValue Retention retention,
        String workbookTemplate,
        @DefaultValue Partitioning partitioning,
        @DefaultValue Web web) {

    /**
     * The embedded database's folder, absolute: a relative {@code data-dir} is resolved against the
     * working folder (a cron entry started elsewhere must give it absolute, or its runs start a history
     * of their own).
     */
    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /**
     * The reports root, absolute: a relative {@code reports-dir} is resolved against the folder holding
     * the data folder, so the default {@code ./data} and {@code ./reports} stay side by side wherever
     * {@code data-dir} points.
     */
    public Path reportsPath() {
        Path p = Path.of(reportsDir);
        if (p.isAbsolute()) return p.normalize();
        Path base = dataPath().getParent();
        return (base == null ? p.toAbsolutePath() : base.resolve(p)).normalize();
    }

    /**
     * Retention (README, "Operations"): after a successful run, run history older than
     * {@code historyDays} and report files older than {@code reportsDays} are deleted.
     *
     * @param historyDays days of run history kept (job executions, their findings, coverage gaps,
     *                    inventory and totals; findings last seen before then), at least 1
     * @param reportsDays days report files are kept under the reports root, at least 1
     */
    public record Retention(@DefaultValue("400") int historyDays, @DefaultValue("400") int reportsDays) {
    }

    /**
     * Where the collect step's partitions run (README, "Scaling out: remote partitioning").
     *
     * @param mode    {@code local} (default: threads of this JVM) or {@code remote} (sent over
     *                RabbitMQ to {@code worker} JVMs; needs PostgreSQL)
     * @param timeout how long the manager waits for the workers to finish every partition
     *                (default 30 minutes); past it the run fails naming the unfinished partitions
     */
    public record Partitioning(@DefaultValue("local") Mode mode, @DefaultValue("30m") Duration timeout) {

        /** True in remote mode. */
        public boolean remote() {
            return mode == Mode.REMOTE;
        }
    }

    /** {@code consolesensei.partitioning.mode}. */
    public enum Mode { LOCAL, REMOTE }

    /**
     * One configured account.
     *
     * @param id               12-digit AWS account ID
     * @param name             display name
     * @param roleArn          role to assume for every call of this account (optional)
     * @param externalId       sts:ExternalId for that role (optional; secret)
     * @param regions          region names, or the single value {@code all-enabled}
     * @param allowedRegions   where S3 buckets may live (optional)
     * @param monthlyBudgetUsd monthly budget in USD (optional)
     * @param recipients       emails that get this account's summary
     */
    public record Account(String id, String name, String roleArn, String externalId,
                          @DefaultValue List<String> regions, @DefaultValue List<String> allowedRegions,
                          BigDecimal monthlyBudgetUsd, @DefaultValue List<String> recipients) {

        /** Never prints the external id. */
        @Override
        public String toString() {
            return "Account[id=" + id + ", name=" + name + ", roleArn=" + roleArn + "]";
        }
    }

    /**
     * Organizations discovery.
     *
     * @param discover   list the organization's accounts and audit each through {@code roleName}
     * @param roleName   role name assumed in each member account
     * @param externalId sts:ExternalId for those roles (optional; secret)
     * @param regions    regions for discovered accounts (names or {@code all-enabled})
     * @param include    account IDs, OU ids ({@code ou-...}) or account-name globs to keep (empty = all)
     * @param exclude    account IDs, OU ids or account-name globs to drop
     */
    public record Organizations(@DefaultValue("false") boolean discover, String roleName, String externalId,
                                @DefaultValue List<String> regions,
                                @DefaultValue List<String> include, @DefaultValue List<String> exclude) {

        @Override
        public String toString() {
            return "Organizations[discover=" + discover + ", roleName=" + roleName + "]";
        }
    }

    /**
     * Job schedules for {@code serve}.
     *
     * @param audit Spring cron expression (6 fields) of the audit job
     * @param zone  time zone id the cron is read in
     */
    public record Schedule(@DefaultValue("0 0 2 * * *") String audit, @DefaultValue("UTC") String zone) {
    }

    /**
     * Email settings (the SMTP server itself is {@code spring.mail.*}).
     *
     * @param from            sender address
     * @param recipients      who gets the all-accounts summary
     * @param maxAttachmentMb attachments above this size (MiB) are replaced by the report's path
     */
    public record Mail(@DefaultValue("consolesensei@localhost") String from, @DefaultValue List<String> recipients,
                       @DefaultValue("10") int maxAttachmentMb) {
    }

    /**
     * One suppression (mute-list entry).
     *
     * @param check    check id or glob ({@code s3.*})
     * @param resource resource id glob, or a regex written {@code regex:...}
     * @param account  account ID it applies to (optional: all)
     * @param reason   why it is muted (required)
     * @param expires  last day it applies (optional), UTC
     */
    public record Suppression(String check, String resource, String account, String reason, LocalDate expires) {
    }

    /**
     * How to call AWS.
     *
     * @param retryMode             {@code standard} or {@code adaptive}
     * @param maxAttempts           attempts per call including the first (1..20)
     * @param concurrency           partitions (account x region) run at once
     * @param concurrencyPerAccount partitions of one account at once
     * @param connectTimeout        connect timeout
     * @param readTimeout           read timeout per attempt
     * @param roleSessionDuration   AssumeRole session duration (>= 15 minutes)
     * @param stsHomeRegion         region whose STS endpoint issues sessions for global services
     * @param retryBaseDelay        base delay of the retries' exponential backoff (throttling: 5 times it)
     * @param apiCallTimeout        the longest one API call may take, all attempts and backoffs included
     */
    public record Aws(@DefaultValue("standard") String retryMode, @DefaultValue("8") int maxAttempts,
                      @DefaultValue("8") int concurrency, @DefaultValue("4") int concurrencyPerAccount,
                      @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
                      @DefaultValue("1h") Duration roleSessionDuration,
                      @DefaultValue("us-east-1") String stsHomeRegion,
                      @DefaultValue("100ms") Duration retryBaseDelay,
                      @DefaultValue("2m") Duration apiCallTimeout) {

        /** The settings the client factory takes. */
        public AwsSettings settings() {
            return new AwsSettings(retryMode, maxAttempts, concurrency, concurrencyPerAccount,
                    connectTimeout, readTimeout, roleSessionDuration, stsHomeRegion, retryBaseDelay, apiCallTimeout);
        }
    }

    /**
     * The web console and JSON API of {@code serve} (README, "Web console, HTTP API and metrics").
     *
     * @param users local users; with none and no OIDC client configured the console and API are off
     * @param oidc  OIDC login settings (the client itself is {@code spring.security.oauth2.client.*})
     */
    public record Web(@DefaultValue List<User> users, @DefaultValue Oidc oidc) {
    }

    /**
     * One local user of the web console and API.
     *
     * @param username login name
     * @param password hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2y$10$...} (secret)
     * @param role     {@code VIEWER} (see everything, download reports) or {@code ADMIN} (also start,
     *                 stop, re-run and restart runs)
     */
    public record User(String username, String password, String role) {

        /** Never prints the password hash. */
        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + "]";
        }
    }

    /**
     * OIDC login.
     *
     * @param roleClaim the ID token / user info claim whose value {@code VIEWER} or {@code ADMIN} (or a
     *                  list holding one) gives the role; default {@code roles}
     */
    public record Oidc(@DefaultValue("roles") String roleClaim) {
    }
}
