package cloud.consolesensei.aws;

import java.math.BigDecimal;
import java.util.List;

/**
 * One AWS account to audit, resolved from configuration (or Organizations discovery).
 *
 * @param id               12-digit AWS account ID
 * @param name             display name (defaults to the account ID)
 * @param roleArn          role to assume for every call of this account, or {@code null} to use
 *                         the base credentials
 * @param externalId       sts:ExternalId for the AssumeRole call, or {@code null}; a secret: never logged
 * @param regions          regions to audit (explicit names; {@code all-enabled} is resolved before this)
 * @param allowedRegions   regions where S3 buckets may live, empty when not configured
 * @param monthlyBudgetUsd the account's monthly budget in USD, or {@code null}
 * @param recipients       email addresses that get this account's summary
 */
public record AccountTarget(String id, String name, String roleArn, String externalId,
                            List<String> regions, List<String> allowedRegions,
                            BigDecimal monthlyBudgetUsd, List<String> recipients) {

    public AccountTarget {
        regions = List.copyOf(regions);
        allowedRegions = allowedRegions == null ? List.of() : List.copyOf(allowedRegions);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (name == null || name.isBlank()) {
            name = id;
        }
    }

    /** Never prints the external id. */
    @Override
    public String toString() {
        return "AccountTarget[id=" + id + ", name=" + name + ", roleArn=" + roleArn
                + ", externalId=" + (externalId == null ? "none" : "****") + ", regions=" + regions + "]";
    }
}
