package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Demo fake of {@link IamClient}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 * <p>
 * demo-production (111111111111): a clean root and password policy; users with an administrator
 * policy, a console user without MFA, an old CI key, a forgotten reporting user with two keys and a
 * "*:*" customer policy, an inactive analyst, and clean users; roles trusted by a partner account
 * without external id, an unused migration role, and clean and service-linked roles.
 * demo-staging (222222222222): a root user without MFA, with an active, recently used key; no
 * password policy; an inline "*:*" policy, an unused key, a cross-account role and a never-used role.
 * ListUsers and ListRoles answer {@value #PAGE} items a page, so the paginators follow a Marker.
 */
final class DemoIam {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends IamClient, DemoClient {
    }

    private static final int PAGE = 2;
    private static final String ADMIN_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String READ_ONLY_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"ec2:Describe*\",\"s3:List*\",\"s3:Get*\"],\"Resource\":\"*\"}]}";
    private static final String DEPLOY_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:PutObject\",\"cloudfront:CreateInvalidation\"],\"Resource\":[\"arn:aws:s3:::demo-site/*\","
            + "\"*\"]}]}";
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);

    private DemoIam() {
    }

    /** An access key: created and last used {@code n} days before the as-of date ({@code null}: never used). */
    private record Key(String id, boolean active, int createdDaysAgo, Integer usedDaysAgo) {
    }

    /**
     * A demo user. {@code passwordUsedDaysAgo} null means "never" (the report's no_information);
     * {@code passwordSetDaysAgo} null means the user has no console password.
     */
    private record DemoUser(String name, int createdDaysAgo, Integer passwordSetDaysAgo, Integer passwordUsedDaysAgo,
                            boolean mfa, List<Key> keys, List<String> managedArns, Map<String, String> inline) {
    }

    /** A demo role; {@code usedDaysAgo} null means never used. */
    private record DemoRole(String name, String path, int createdDaysAgo, Integer usedDaysAgo, String region,
                            String trust) {
    }

    /** One account's IAM. {@code passwordPolicy} null: the account has none. */
    private record Estate(DemoUser root, List<DemoUser> users, List<DemoRole> roles, Map<String, String> managed,
                          PasswordPolicy passwordPolicy) {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static IamClient client(AccountTarget account, String region, LocalDate asOf) {
        Estate estate = estate(account.id());
        Function<Integer, Instant> ago = d -> asOf.minusDays(d).atTime(9, 30).toInstant(ZoneOffset.UTC);
        return new Fake() {
            @Override
            public GenerateCredentialReportResponse generateCredentialReport(GenerateCredentialReportRequest r) {
                return GenerateCredentialReportResponse.builder().state(ReportStateType.COMPLETE).build();
            }

            @Override
            public GetCredentialReportResponse getCredentialReport(GetCredentialReportRequest r) {
                // a fake generates its report when asked: it is always fresh
                return GetCredentialReportResponse.builder().reportFormat(ReportFormatType.TEXT_CSV)
                        .generatedTime(Instant.now())
                        .content(SdkBytes.fromUtf8String(report(account.id(), estate, ago))).build();
            }

            @Override
            public ListAccessKeysResponse listAccessKeys(ListAccessKeysRequest r) {
                DemoUser u = user(estate, r.userName());
                return ListAccessKeysResponse.builder().isTruncated(false).accessKeyMetadata(u.keys().stream()
                        .map(k -> AccessKeyMetadata.builder().userName(u.name()).accessKeyId(k.id())
                                .status(k.active() ? StatusType.ACTIVE : StatusType.INACTIVE)
                                .createDate(ago.apply(k.createdDaysAgo())).build())
                        .toList()).build();
            }

            @Override
            public ListUsersResponse listUsers(ListUsersRequest r) {
                int from = start(r.marker());
                List<DemoUser> page = slice(estate.users(), from);
                String next = next(estate.users(), from);
                return ListUsersResponse.builder().users(page.stream().map(u -> User.builder().path("/")
                                .userName(u.name()).userId("AIDA" + id(u.name()))
                                .arn("arn:aws:iam::" + account.id() + ":user/" + u.name())
                                .createDate(ago.apply(u.createdDaysAgo())).build()).toList())
                        .isTruncated(next != null).marker(next).build();
            }

            @Override
            public ListAttachedUserPoliciesResponse listAttachedUserPolicies(ListAttachedUserPoliciesRequest r) {
                return ListAttachedUserPoliciesResponse.builder().isTruncated(false)
                        .attachedPolicies(user(estate, r.userName()).managedArns().stream()
                                .map(arn -> AttachedPolicy.builder().policyArn(arn)
                                        .policyName(arn.substring(arn.lastIndexOf('/') + 1)).build())
                                .toList()).build();
            }

            @Override
            public ListUserPoliciesResponse listUserPolicies(ListUserPoliciesRequest r) {
                return ListUserPoliciesResponse.builder().isTruncated(false)
                        .policyNames(List.copyOf(user(estate, r.userName()).inline().keySet())).build();
            }

            @Override
            public GetUserPolicyResponse getUserPolicy(GetUserPolicyRequest r) {
                String doc = user(estate, r.userName()).inline().get(r.policyName());
                if (doc == null) throw noSuchEntity("The user policy " + r.policyName() + " cannot be found.");
                return GetUserPolicyResponse.builder().userName(r.userName()).policyName(r.policyName())
                        .policyDocument(encode(doc)).build();
            }

            @Override
            public GetPolicyResponse getPolicy(GetPolicyRequest r) {
                if (!estate.managed().containsKey(r.policyArn())) {
                    throw noSuchEntity("Policy " + r.policyArn() + " does not exist or is not attachable.");
                }
                String arn = r.policyArn();
                return GetPolicyResponse.builder().policy(Policy.builder().arn(arn).policyName(arn.substring(
                                arn.lastIndexOf('/') + 1)).defaultVersionId("v2").path("/").isAttachable(true)
                        .createDate(ago.apply(400)).updateDate(ago.apply(90)).build()).build();
            }

            @Override
            public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
                String doc = estate.managed().get(r.policyArn());
                if (doc == null || !"v2".equals(r.versionId())) {
                    throw noSuchEntity("Policy " + r.policyArn() + " version " + r.versionId() + " does not exist.");
                }
                return GetPolicyVersionResponse.builder().policyVersion(PolicyVersion.builder().versionId("v2")
                        .isDefaultVersion(true).document(encode(doc)).createDate(ago.apply(90)).build()).build();
            }

            @Override
            public ListRolesResponse listRoles(ListRolesRequest r) {
                int from = start(r.marker());
                String next = next(estate.roles(), from);
                // as AWS: ListRoles leaves RoleLastUsed out
                return ListRolesResponse.builder().roles(slice(estate.roles(), from).stream()
                                .map(x -> role(account.id(), x, ago)).toList())
                        .isTruncated(next != null).marker(next).build();
            }

            @Override
            public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(
                    GetAccountAuthorizationDetailsRequest r) {
                return GetAccountAuthorizationDetailsResponse.builder().isTruncated(false)
                        .roleDetailList(estate.roles().stream().map(x -> {
                            Role role = role(account.id(), x, ago);
                            return RoleDetail.builder().roleName(role.roleName()).path(role.path())
                                    .roleId(role.roleId()).arn(role.arn()).createDate(role.createDate())
                                    .assumeRolePolicyDocument(role.assumeRolePolicyDocument())
                                    .roleLastUsed(x.usedDaysAgo() == null ? RoleLastUsed.builder().build()
                                            : RoleLastUsed.builder().lastUsedDate(ago.apply(x.usedDaysAgo()))
                                            .region(x.region()).build())
                                    .build();
                        }).toList()).build();
            }

            @Override
            public GetAccountPasswordPolicyResponse getAccountPasswordPolicy(GetAccountPasswordPolicyRequest r) {
                if (estate.passwordPolicy() == null) {
                    throw noSuchEntity("The Password Policy with domain name " + account.id() + " cannot be found.");
                }
                return GetAccountPasswordPolicyResponse.builder().passwordPolicy(estate.passwordPolicy()).build();
            }
        };
    }

    private static Estate estate(String accountId) {
        if (DemoEstate.PRODUCTION.id().equals(accountId)) return production(accountId);
        if (DemoEstate.STAGING.id().equals(accountId)) return staging(accountId);
        return new Estate(new DemoUser("<root_account>", 2000, null, 400, true, List.of(), List.of(), Map.of()),
                List.of(), List.of(), Map.of(), strongPolicy());
    }

    private static Estate production(String acct) {
        String readOnly = "arn:aws:iam::" + acct + ":policy/DemoReadOnly";
        String powerStar = "arn:aws:iam::" + acct + ":policy/LegacyPowerUser";
        return new Estate(
                new DemoUser("<root_account>", 1500, null, 120, true, List.of(), List.of(), Map.of()),
                List.of(
                        new DemoUser("alice.admin", 700, 300, 1, true, List.of(),
                                List.of("arn:aws:iam::aws:policy/AdministratorAccess"), Map.of()),
                        new DemoUser("bob.dev", 300, 60, 3, false, List.of(new Key("AKIADEMOBOBDEV00001", true, 20, 1)),
                                List.of(readOnly), Map.of()),
                        new DemoUser("ci-deploy", 800, null, null, false,
                                List.of(new Key("AKIADEMOCIDEPLOY001", true, 400, 1)), List.of(),
                                Map.of("deploy-site", DEPLOY_DOC)),
                        new DemoUser("legacy-reporting", 900, null, null, false,
                                List.of(new Key("AKIADEMOLEGACYREP01", true, 200, 120),
                                        new Key("AKIADEMOLEGACYREP02", true, 60, null)),
                                List.of(powerStar, readOnly), Map.of()),
                        new DemoUser("carol.analyst", 200, 70, null, true, List.of(), List.of(readOnly), Map.of()),
                        new DemoUser("dana.ops", 500, 40, 0, true,
                                List.of(new Key("AKIADEMODANAOPS0001", false, 300, 250)), List.of(readOnly), Map.of())),
                List.of(
                        new DemoRole("web-app-ec2", "/", 600, 1, "us-east-1", service("ec2.amazonaws.com")),
                        new DemoRole("lambda-orders", "/service/", 300, 0, "eu-west-1", service("lambda.amazonaws.com")),
                        new DemoRole("partner-monitoring", "/", 400, 5, "us-east-1",
                                aws("arn:aws:iam::333333333333:root", null)),
                        new DemoRole("vendor-backup", "/", 350, 2, "eu-west-1",
                                aws("444444444444", "demo-vendor-7f3a")),
                        new DemoRole("old-migration", "/", 900, 180, "us-east-1",
                                aws("arn:aws:iam::" + acct + ":root", null)),
                        new DemoRole("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/", 1500, null,
                                null, service("support.amazonaws.com"))),
                Map.of(readOnly, READ_ONLY_DOC, powerStar, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                        + "\"Everything\",\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":[\"*\"]}]}"),
                strongPolicy());
    }

    private static Estate staging(String acct) {
        return new Estate(
                new DemoUser("<root_account>", 1000, null, 2, false, List.of(new Key(null, true, 900, 10)), List.of(),
                        Map.of()),
                List.of(
                        new DemoUser("sam.tester", 10, 10, null, false, List.of(), List.of(), Map.of()),
                        new DemoUser("staging-ci", 100, null, null, false,
                                List.of(new Key("AKIADEMOSTAGINGCI01", true, 30, 1)), List.of(),
                                Map.of("ci-admin", ADMIN_DOC)),
                        new DemoUser("qa-bot", 150, null, null, false,
                                List.of(new Key("AKIADEMOQABOT000001", true, 100, null)), List.of(), Map.of())),
                List.of(
                        new DemoRole("staging-app", "/", 200, 1, "us-west-2", service("ec2.amazonaws.com")),
                        new DemoRole("contractor-access", "/", 100, 20, "us-east-1",
                                aws("arn:aws:iam::555555555555:role/contractor-admin", null)),
                        new DemoRole("never-used-test", "/test/", 120, null, null,
                                aws("arn:aws:iam::" + acct + ":root", null))),
                Map.of(), null);
    }

    private static PasswordPolicy strongPolicy() {
        return PasswordPolicy.builder().minimumPasswordLength(14).passwordReusePrevention(24)
                .requireSymbols(true).requireNumbers(true).requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true).allowUsersToChangePassword(true).expirePasswords(false).build();
    }

    private static String service(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + principal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static String aws(String principal, String externalId) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                + "\"},\"Action\":\"sts:AssumeRole\"" + (externalId == null ? ""
                : ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + externalId + "\"}}") + "}]}";
    }

    private static Role role(String acct, DemoRole r, Function<Integer, Instant> ago) {
        return Role.builder().roleName(r.name()).path(r.path()).roleId("AROA" + id(r.name()))
                .arn("arn:aws:iam::" + acct + ":role" + r.path() + r.name()).createDate(ago.apply(r.createdDaysAgo()))
                .assumeRolePolicyDocument(encode(r.trust())).maxSessionDuration(3600).build();
    }

    /** The credential report CSV, as AWS writes it (header and one row per user, root first). */
    private static String report(String acct, Estate e, Function<Integer, Instant> ago) {
        StringBuilder csv = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        List<DemoUser> all = new ArrayList<>();
        all.add(e.root());
        all.addAll(e.users());
        for (DemoUser u : all) {
            boolean root = u.name().equals("<root_account>");
            List<String> cells = new ArrayList<>(List.of(u.name(),
                    root ? "arn:aws:iam::" + acct + ":root" : "arn:aws:iam::" + acct + ":user/" + u.name(),
                    date(ago.apply(u.createdDaysAgo()))));
            if (root) {
                cells.addAll(List.of("not_supported",
                        u.passwordUsedDaysAgo() == null ? "no_information" : date(ago.apply(u.passwordUsedDaysAgo())),
                        "not_supported", "not_supported"));
            } else if (u.passwordSetDaysAgo() == null) {
                cells.addAll(List.of("false", "N/A", "N/A", "N/A"));
            } else {
                cells.addAll(List.of("true",
                        u.passwordUsedDaysAgo() == null ? "no_information" : date(ago.apply(u.passwordUsedDaysAgo())),
                        date(ago.apply(u.passwordSetDaysAgo())), "N/A"));
            }
            cells.add(String.valueOf(u.mfa()));
            for (int slot = 0; slot < 2; slot++) {
                if (slot >= u.keys().size()) {
                    cells.addAll(List.of("false", "N/A", "N/A", "N/A", "N/A"));
                    continue;
                }
                Key k = u.keys().get(slot);
                boolean used = k.usedDaysAgo() != null;
                cells.addAll(List.of(String.valueOf(k.active()), date(ago.apply(k.createdDaysAgo())),
                        used ? date(ago.apply(k.usedDaysAgo())) : "N/A", used ? "us-east-1" : "N/A",
                        used ? "s3" : "N/A"));
            }
            cells.addAll(List.of("false", "N/A", "false", "N/A"));
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static DemoUser user(Estate e, String name) {
        return e.users().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> noSuchEntity("The user with name " + name + " cannot be found."));
    }

    private static NoSuchEntityException noSuchEntity(String message) {
        return (NoSuchEntityException) NoSuchEntityException.builder().message(message).statusCode(404).build();
    }

    /** Policy documents travel URL-encoded (RFC 3986), as IAM returns them. */
    private static String encode(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String date(Instant t) {
        return REPORT_DATE.format(t);
    }

    private static String id(String name) {
        return name.toUpperCase().replaceAll("[^A-Z0-9]", "");
    }

    private static int start(String marker) {
        return marker == null ? 0 : Integer.parseInt(marker);
    }

    private static <T> List<T> slice(List<T> all, int from) {
        return all.subList(Math.min(from, all.size()), Math.min(from + PAGE, all.size()));
    }

    private static String next(List<?> all, int from) {
        return from + PAGE < all.size() ? String.valueOf(from + PAGE) : null;
    }
}
