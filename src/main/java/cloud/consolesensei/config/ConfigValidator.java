package cloud.consolesensei.config;

import cloud.consolesensei.aws.AwsEnvironment;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.cost.CostProperties;
import cloud.consolesensei.report.WorkbookTemplate;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Validates the whole configuration before anything runs or is written (it is called before the
 * database is migrated): every problem is collected and reported at once, each naming the file and
 * line (when known), the key, the value and what is allowed.
 */
@Component
public class ConfigValidator {

    /**
     * Where a context that must not open the database ({@code doctor}, whose own datasource is then
     * an unused in-memory one) keeps the configured {@code spring.datasource.url}, for the checks
     * that judge it.
     */
    public static final String CONFIGURED_DATASOURCE_URL = "consolesensei-cli.configured-datasource-url";


    /** The value of {@code regions} that means "every region enabled for the account". */
    public static final String ALL_ENABLED = "all-enabled";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ROLE_NAME = Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");
    private static final Pattern PASSWORD_HASH = Pattern.compile("\\{([A-Za-z0-9@_-]+)}(.+)", Pattern.DOTALL);
    /** Hash functions Spring Security's DelegatingPasswordEncoder reads (its {@code noop} stores the password itself). */
    private static final List<String> PASSWORD_IDS = List.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8",
            "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8");

    /** {@code finding.suppression_reason VARCHAR(2048)} (V2__findings_store.sql). */
    static final int MAX_REASON = 2048;

    /** {@code finding.account_name VARCHAR(256)} (V2__findings_store.sql). */
    static final int MAX_ACCOUNT_NAME = 256;

    /** The Spring profile the {@code worker} command runs with. */
    public static final String WORKER_PROFILE = "worker";

    private final ConsoleSenseiProperties props;
    private final ConfigurableEnvironment env;
    private final CheckCatalog catalog;
    private volatile CheckSettings checkSettings;

    public ConfigValidator(ConsoleSenseiProperties props, ConfigurableEnvironment env, CheckCatalog catalog) {
        this.props = props;
        this.env = env;
        this.catalog = catalog;
    }

    /**
     * Validates everything; idempotent.
     *
     * @throws ConfigException with one line per problem
     */
    public void validate() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ConsoleSenseiProperties.Account> accounts = props.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            ConsoleSenseiProperties.Account a = accounts.get(i);
            String k = "consolesensei.accounts[" + i + "].";
            if (a.id() == null || !ACCOUNT_ID.matcher(a.id()).matches()) {
                problems.add(at(k + "id") + k + "id: '" + a.id() + "' is not an AWS account ID (12 digits, e.g. '123456789012'; quote it in YAML)");
            } else if (!ids.add(a.id())) {
                problems.add(at(k + "id") + k + "id: '" + a.id() + "' is configured twice; each account once");
            }
            if (a.roleArn() != null && !a.roleArn().isBlank() && !ROLE_ARN.matcher(a.roleArn()).matches()) {
                problems.add(at(k + "role-arn") + k + "role-arn: '" + a.roleArn() + "' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)");
            }
            String partition = Regions.partitionOf(a.roleArn(), props.aws().stsHomeRegion());
            if (a.name() != null) tooLong(k + "name", a.name(), MAX_ACCOUNT_NAME, "the length the findings store keeps", problems);
            regions(k + "regions", a.regions(), true, partition, problems);
            regions(k + "allowed-regions", a.allowedRegions(), false, partition, problems);
            if (a.monthlyBudgetUsd() != null && a.monthlyBudgetUsd().signum() < 0) {
                problems.add(at(k + "monthly-budget-usd") + k + "monthly-budget-usd: '" + a.monthlyBudgetUsd().toPlainString() + "' must not be negative (USD per month)");
            }
            emails(k + "recipients", a.recipients(), problems);
        }
        organizations(props.organizations(), problems);
        ConsoleSenseiProperties.Aws aws = props.aws();
        if (!aws.retryMode().equals("standard") && !aws.retryMode().equals("adaptive")) {
            problems.add(at("consolesensei.aws.retry-mode") + "consolesensei.aws.retry-mode: '" + aws.retryMode() + "' is not allowed; use standard or adaptive");
        }
        range("consolesensei.aws.max-attempts", aws.maxAttempts(), 1, 20, problems);
        range("consolesensei.aws.concurrency", aws.concurrency(), 1, 256, problems);
        range("consolesensei.aws.concurrency-per-account", aws.concurrencyPerAccount(), 1, 64, problems);
        if (aws.roleSessionDuration().toSeconds() < 900 || aws.roleSessionDuration().toHours() > 12) {
            problems.add(at("consolesensei.aws.role-session-duration") + "consolesensei.aws.role-session-duration: '" + aws.roleSessionDuration() + "' is outside what STS allows (15m to 12h)");
        }
        if (aws.retryBaseDelay().toMillis() < 1 || aws.retryBaseDelay().toSeconds() > 20) {
            problems.add(at("consolesensei.aws.retry-base-delay") + "consolesensei.aws.retry-base-delay: '" + aws.retryBaseDelay()
                    + "' is not allowed; use 1ms to 20s (default 100ms)");
        }
        if (aws.apiCallTimeout().toMillis() < 1 || aws.apiCallTimeout().toHours() > 1) {
            problems.add(at("consolesensei.aws.api-call-timeout") + "consolesensei.aws.api-call-timeout: '" + aws.apiCallTimeout()
                    + "' is not allowed; use 1ms to 1h (default 2m)");
        }
        problems.addAll(AwsEnvironment.problems());
        problems.addAll(EnvironmentKeys.problems(System.getenv()));
        if (!Regions.isKnown(aws.stsHomeRegion())) {
            problems.add(at("consolesensei.aws.sts-home-region") + "consolesensei.aws.sts-home-region: '" + aws.stsHomeRegion() + "' is not an AWS region name (e.g. us-east-1)");
        }
        partitioning(problems);
        // the cost package binds its own settings: validated here with the rest, the same way
        problems.addAll(Binder.get(env).bindOrCreate(CostProperties.PREFIX, CostProperties.class).problems(this::at));
        if (props.dataDir().isBlank()) {
            problems.add(at(DataDirectory.KEY) + DataDirectory.KEY + ": empty; give the folder of the embedded database (default ./data)");
        }
        if (props.reportsDir().isBlank()) {
            problems.add(at("consolesensei.reports-dir") + "consolesensei.reports-dir: empty; give the reports folder (default ./reports)");
        }
        if (props.workbookTemplate() != null && !props.workbookTemplate().isBlank()) {
            try {
                WorkbookTemplate.of(Path.of(props.workbookTemplate()));
            } catch (IllegalArgumentException e) {
                problems.add(at("consolesensei.workbook-template") + "consolesensei.workbook-template: " + e.getMessage());
            }
        }
        range("consolesensei.retention.history-days", props.retention().historyDays(), 1, 100_000, problems);
        range("consolesensei.retention.reports-days", props.retention().reportsDays(), 1, 100_000, problems);
        try {
            CronExpression.parse(props.schedule().audit());
        } catch (IllegalArgumentException e) {
            problems.add(at("consolesensei.schedule.audit") + "consolesensei.schedule.audit: '" + props.schedule().audit() + "' is not a Spring cron expression (6 fields: second minute hour day month weekday, e.g. '0 0 2 * * *'): " + e.getMessage());
        }
        try {
            ZoneId.of(props.schedule().zone());
        } catch (RuntimeException e) {
            problems.add(at("consolesensei.schedule.zone") + "consolesensei.schedule.zone: '" + props.schedule().zone() + "' is not a time zone id (e.g. UTC, Europe/Paris)");
        }
        emails("consolesensei.mail.recipients", props.mail().recipients(), problems);
        if (!EMAIL.matcher(props.mail().from()).matches()) {
            problems.add(at("consolesensei.mail.from") + "consolesensei.mail.from: '" + props.mail().from() + "' is not an email address");
        }
        range("consolesensei.mail.max-attachment-mb", props.mail().maxAttachmentMb(), 0, 1024, problems);
        List<ConsoleSenseiProperties.Suppression> sup = props.suppressions();
        for (int i = 0; i < sup.size(); i++) {
            ConsoleSenseiProperties.Suppression s = sup.get(i);
            String k = "consolesensei.suppressions[" + i + "].";
            if (s.check() == null || s.check().isBlank()) {
                problems.add(at(k + "check") + k + "check: required (a check id such as ebs.volume_gp2, or a glob such as s3.*)");
            } else if (!s.check().contains("*") && !s.check().contains("?") && catalog.find(s.check()).isEmpty()) {
                problems.add(at(k + "check") + k + "check: '" + s.check() + "' is not a check id (nor a glob such as s3.*); known ids: "
                        + String.join(", ", catalog.all().stream().map(d -> d.id()).toList()));
            }
            if (s.resource() == null || s.resource().isBlank()) {
                problems.add(at(k + "resource") + k + "resource: required (a resource id glob such as vol-*, or regex:...)");
            } else if (s.resource().startsWith("regex:")) {
                try {
                    Pattern.compile(s.resource().substring(6));
                } catch (PatternSyntaxException e) {
                    // getMessage() adds the pattern and a caret line: one line is the description and where
                    problems.add(at(k + "resource") + k + "resource: '" + s.resource() + "' is not a valid regular expression: "
                            + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
                }
            }
            if (s.reason() == null || s.reason().isBlank()) {
                problems.add(at(k + "check") + k + "reason: required: say why the finding is muted");
            } else {
                tooLong(k + "reason", s.reason(), MAX_REASON, "the length the findings store keeps with each muted finding", problems);
            }
            if (s.account() != null && !ACCOUNT_ID.matcher(s.account()).matches()) {
                problems.add(at(k + "account") + k + "account: '" + s.account() + "' is not an AWS account ID (12 digits)");
            }
        }
        web(props.web(), problems);
        try {
            checkSettings = CheckSettingsLoader.load(env, catalog);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The validated check settings. @throws ConfigException if the configuration is invalid */
    public CheckSettings checkSettings() {
        if (checkSettings == null) validate();
        return checkSettings;
    }

    /**
     * Region names of {@code partition} (the account's: its role ARN's, else the STS home region's),
     * e.g. no {@code cn-north-1} nor {@code us-gov-west-1} for an account of the {@code aws} partition.
     */
    private void regions(String key, List<String> regions, boolean allowAll, String partition, List<String> problems) {
        for (int j = 0; j < regions.size(); j++) {
            String r = regions.get(j);
            if (allowAll && ALL_ENABLED.equals(r)) {
                if (regions.size() > 1) {
                    problems.add(at(key + "[" + j + "]") + key + ": 'all-enabled' stands alone; list regions or write all-enabled");
                }
                continue;
            }
            if (!Regions.isKnown(r)) {
                problems.add(at(key + "[" + j + "]") + key + "[" + j + "]: '" + r + "' is not an AWS region name (e.g. us-east-1, eu-west-1"
                        + (allowAll ? ", or all-enabled" : "") + ")");
            } else if (!Regions.partition(r).equals(partition)) {
                problems.add(at(key + "[" + j + "]") + key + "[" + j + "]: '" + r + "' is a region of the " + Regions.partition(r)
                        + " partition, not of the account's (" + partition + ": its role-arn's, or without one"
                        + " consolesensei.aws.sts-home-region's)");
            }
        }
    }

    /** {@code consolesensei.organizations}: checked only when discovery is on. */
    private void organizations(ConsoleSenseiProperties.Organizations org, List<String> problems) {
        if (!org.discover()) return;
        String k = "consolesensei.organizations.";
        if (org.roleName() == null || org.roleName().isBlank()) {
            problems.add(at(k + "role-name") + k + "role-name: required when discover is true (the role assumed in each member account, e.g. OrganizationAccountAccessRole)");
        } else if (!ROLE_NAME.matcher(org.roleName()).matches()) {
            problems.add(at(k + "role-name") + k + "role-name: '" + org.roleName() + "' is not an IAM role name (optionally with a path: audit/ConsoleSenseiAudit; letters, digits and +=,.@_- ; not an ARN)");
        }
        if (org.externalId() != null && !org.externalId().isEmpty() && !EXTERNAL_ID.matcher(org.externalId()).matches()) {
            // the value is a secret: never echoed
            problems.add(at(k + "external-id") + k + "external-id: must be 2 to 1224 characters of letters, digits and +=,.@:/-");
        }
        regions(k + "regions", org.regions(), true, Regions.partition(props.aws().stsHomeRegion()), problems);
        filters(k + "include", org.include(), problems);
        filters(k + "exclude", org.exclude(), problems);
    }

    private void filters(String key, List<String> entries, List<String> problems) {
        for (int j = 0; j < entries.size(); j++) {
            String e = entries.get(j) == null ? "" : entries.get(j).trim();
            if (e.isEmpty()) {
                problems.add(at(key + "[" + j + "]") + key + "[" + j + "]: empty; use an account ID, an OU id (ou-...) or an account-name glob");
            } else if ((e.startsWith("ou-") || e.startsWith("r-")) && !OU_ID.matcher(e).matches()) {
                problems.add(at(key + "[" + j + "]") + key + "[" + j + "]: '" + e + "' is not an OU id (ou-<root>-<8 to 32 characters>, e.g. ou-ab12-cdef3456) or a root id (r-ab12)");
            }
        }
    }

    /**
     * {@code consolesensei.web.users[]}: a username each, once; a password hash in the {@code {id}hash}
     * form of Spring Security's DelegatingPasswordEncoder with a real hash function (never the
     * password itself: no {@code {noop}}); role VIEWER or ADMIN.
     */
    private void web(ConsoleSenseiProperties.Web web, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < web.users().size(); i++) {
            ConsoleSenseiProperties.User u = web.users().get(i);
            String k = "consolesensei.web.users[" + i + "].";
            if (u.username() == null || u.username().isBlank()) {
                problems.add(at(k + "username") + k + "username: required (the login name)");
            } else if (!names.add(u.username())) {
                problems.add(at(k + "username") + k + "username: '" + u.username() + "' is configured twice; each user once");
            }
            String pw = u.password() == null ? "" : u.password();
            Matcher m = PASSWORD_HASH.matcher(pw);
            if (!m.matches() || !PASSWORD_IDS.contains(m.group(1))) {
                // the value may be a password: never echoed
                problems.add(at(k + "password") + k + "password: must be a password hash written {id}hash with id one of "
                        + String.join(", ", PASSWORD_IDS) + ", e.g. {bcrypt}$2y$10$... (see the README: how to create one)");
            }
            if (!"VIEWER".equals(u.role()) && !"ADMIN".equals(u.role())) {
                problems.add(at(k + "role") + k + "role: '" + u.role() + "' is not allowed; use VIEWER or ADMIN");
            }
        }
        String claim = web.oidc().roleClaim();
        if (claim == null || claim.isBlank()) {
            problems.add(at("consolesensei.web.oidc.role-claim") + "consolesensei.web.oidc.role-claim: must name a claim (default roles)");
        }
    }

    private void emails(String key, List<String> list, List<String> problems) {
        for (int j = 0; j < list.size(); j++) {
            if (!EMAIL.matcher(list.get(j)).matches()) {
                problems.add(at(key + "[" + j + "]") + key + "[" + j + "]: '" + list.get(j) + "' is not an email address");
            }
        }
    }

    /** A text the findings store keeps in a column of {@code max} characters: longer fails at the insert, mid-run. */
    private void tooLong(String key, String value, int max, String why, List<String> problems) {
        if (value.length() > max) {
            problems.add(at(key) + key + ": " + value.length() + " characters; at most " + max + " (" + why + ")");
        }
    }

    private void range(String key, int v, int min, int max, List<String> problems) {
        if (v < min || v > max) {
            problems.add(at(key) + key + ": '" + v + "' is outside " + min + ".." + max);
        }
    }

    private String at(String key) {
        return ConfigOrigins.of(env, key);
    }

    /**
     * Remote partitioning (README, "Scaling out: remote partitioning"): the manager and every worker share the job
     * repository and findings store, which the embedded H2 file database cannot be.
     */
    private void partitioning(List<String> problems) {
        ConsoleSenseiProperties.Partitioning p = props.partitioning();
        if (p.timeout().toSeconds() < 1) {
            problems.add(at("consolesensei.partitioning.timeout") + "consolesensei.partitioning.timeout: '" + p.timeout()
                    + "' is not allowed; use a positive duration such as 30m (the default)");
        }
        boolean worker = env.acceptsProfiles(Profiles.of(WORKER_PROFILE));
        // doctor runs on an unused in-memory database: judge the URL the configuration gives
        String url = env.getProperty(CONFIGURED_DATASOURCE_URL, env.getProperty("spring.datasource.url", ""));
        if ((p.remote() || worker) && !url.startsWith("jdbc:postgresql:")) {
            problems.add(at(worker ? "spring.datasource.url" : "consolesensei.partitioning.mode")
                    + (worker ? "worker" : "consolesensei.partitioning.mode: remote")
                    + " needs PostgreSQL: the manager and every worker share the job repository and findings store,"
                    + " so spring.datasource.url must be a jdbc:postgresql: URL, not '" + url.replaceAll("[;?].*", "")
                    + "' (the embedded H2 database is one process's own)");
        }
    }
}
