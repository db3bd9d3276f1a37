package cloud.consolesensei.iam;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The IAM capability: password policy, credential report (users and root), policies attached to
 * users, and roles; all {@link ResourceSource.Scope#GLOBAL} (region {@code global}). See the package
 * documentation for what each source calls and why.
 */
@Component
public class IamModule implements ServiceModule {

    /** AWS SDK service id, as coverage gaps and findings name it. */
    public static final String SERVICE = "iam";

    static final String ROOT_USER = "IAM root user";
    static final String USER = "IAM user";
    static final String ACCESS_KEY = "IAM access key";
    static final String ROLE = "IAM role";
    static final String ACCOUNT = "AWS account";

    static final List<String> REPORT_ACTIONS = List.of("iam:GenerateCredentialReport", "iam:GetCredentialReport");
    static final List<String> KEY_ACTIONS = List.of("iam:GenerateCredentialReport", "iam:GetCredentialReport",
            "iam:ListAccessKeys");
    static final List<String> USER_POLICY_ACTIONS = List.of("iam:ListUsers", "iam:ListAttachedUserPolicies",
            "iam:ListUserPolicies", "iam:GetUserPolicy", "iam:GetPolicy", "iam:GetPolicyVersion");
    static final List<String> ROLE_ACTIONS = List.of("iam:ListRoles");
    static final List<String> ROLE_LAST_USED_ACTIONS = List.of("iam:ListRoles", "iam:GetAccountAuthorizationDetails");

    private final List<ResourceSource<?>> sources;

    /** The module as the application runs it: real sleeps while polling for the credential report. */
    public IamModule() {
        this(Sleeper.SYSTEM, Clock.systemUTC());
    }

    /**
     * @param sleeper waits between credential report polls
     * @param clock   "now", to tell a stale credential report (older than 4 hours)
     */
    public IamModule(Sleeper sleeper, Clock clock) {
        this.sources = List.of(new PasswordPolicySource(),
                new CredentialReportSource(new CredentialReportFetcher(sleeper, clock)),
                new UserPoliciesSource(),
                new RoleSource());
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }
}
