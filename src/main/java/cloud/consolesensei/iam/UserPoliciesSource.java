package cloud.consolesensei.iam;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.User;

import tools.jackson.databind.JsonNode;

/**
 * The policies attached directly to each IAM user. {@code ListUsers} (1,000 a page) streams the
 * users; per user, {@code ListAttachedUserPolicies} and {@code ListUserPolicies} + {@code GetUserPolicy}
 * (inline documents). A customer managed policy's document is its default version:
 * {@code GetPolicy} (DefaultVersionId) then {@code GetPolicyVersion}, read once per policy ARN per
 * account read however many users share it. AWS managed policies are judged by ARN only
 * (AdministratorAccess), so their documents are not fetched. Every document is URL-encoded JSON
 * ({@link PolicyDocuments#parse}).
 */
public final class UserPoliciesSource extends AbstractResourceSource<UserPolicies> {

    static final int PAGE = 1000;
    private static final List<Check<UserPolicies>> CHECKS = List.of(new UserAdminAttachedCheck());

    public UserPoliciesSource() {
        super("iam.user_policies", Scope.GLOBAL, null, CHECKS);
    }

    @Override
    public Stream<UserPolicies> read(ReadContext ctx) {
        IamClient iam = ctx.clients().iam(ctx.account());
        Map<String, Optional<JsonNode>> managedDocuments = new HashMap<>();
        return ctx.stream(IamModule.SERVICE, "ListUsers",
                        () -> iam.listUsersPaginator(r -> r.maxItems(PAGE)).users().stream())
                .map(user -> policies(ctx, iam, user, managedDocuments));
    }

    private static UserPolicies policies(ReadContext ctx, IamClient iam, User user,
                                         Map<String, Optional<JsonNode>> managedDocuments) {
        String name = user.userName();
        String subject = "user " + name;
        List<UserPolicies.Policy> out = new ArrayList<>();
        boolean complete = true;

        Optional<List<AttachedPolicy>> attached = ctx.call(IamModule.SERVICE, "ListAttachedUserPolicies", subject,
                () -> iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies().stream().toList());
        complete &= attached.isPresent();
        for (AttachedPolicy p : attached.orElse(List.of())) {
            UserPolicies.Policy ref = new UserPolicies.Policy(p.policyName(), p.policyArn(), null);
            if (ref.awsManaged()) {
                out.add(ref);
                continue;
            }
            Optional<JsonNode> doc = managedDocuments.computeIfAbsent(p.policyArn(),
                    arn -> defaultVersion(ctx, iam, arn));
            complete &= doc.isPresent();
            out.add(new UserPolicies.Policy(p.policyName(), p.policyArn(), doc.orElse(null)));
        }

        Optional<List<String>> inline = ctx.call(IamModule.SERVICE, "ListUserPolicies", subject,
                () -> iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames().stream().toList());
        complete &= inline.isPresent();
        for (String policy : inline.orElse(List.of())) {
            Optional<JsonNode> doc = ctx.call(IamModule.SERVICE, "GetUserPolicy", subject + " policy " + policy,
                    () -> PolicyDocuments.parse(iam.getUserPolicy(r -> r.userName(name).policyName(policy)).policyDocument()));
            complete &= doc.isPresent();
            out.add(new UserPolicies.Policy(policy, null, doc.orElse(null)));
        }
        return new UserPolicies(name, user.arn(), out, complete);
    }

    /** The default version's document of a customer managed policy; empty after a gap. */
    private static Optional<JsonNode> defaultVersion(ReadContext ctx, IamClient iam, String arn) {
        return ctx.call(IamModule.SERVICE, "GetPolicy", "policy " + arn,
                        () -> iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId())
                .flatMap(version -> ctx.call(IamModule.SERVICE, "GetPolicyVersion", "policy " + arn + " " + version,
                        () -> PolicyDocuments.parse(iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version))
                                .policyVersion().document())));
    }

    @Override
    public InventoryRow inventoryRow(UserPolicies resource, CheckContext context) {
        return null;
    }
}
