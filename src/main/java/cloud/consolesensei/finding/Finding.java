package cloud.consolesensei.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One check result about one resource, as a check produces it (no lifecycle yet).
 *
 * @param accountId      12-digit AWS account ID
 * @param region         the resource's region, or {@code global} (IAM, Cost Explorer, account-level S3)
 * @param service        AWS SDK service id of the resource ({@code ec2}, {@code s3}, {@code iam}, ...)
 * @param resourceType   human resource type ("EBS volume", "IAM user", ...)
 * @param resourceId     the resource's own AWS identifier as docs/checks.md defines it
 * @param checkId        catalog id, e.g. {@code ebs.volume_unattached}
 * @param severity       severity of this finding (a check may raise its default, e.g. IMDSv1 with a public IP)
 * @param title          the check's title
 * @param detail         what was seen, in one or two sentences, with the values that made it fire
 * @param monthlyCostUsd estimated money at stake per month in USD (2 decimals), or {@code null} when
 *                       the check has no cost side or the price is unknown (the detail then says why)
 */
public record Finding(String accountId, String region, String service, String resourceType,
                      String resourceId, String checkId, Severity severity, String title,
                      String detail, BigDecimal monthlyCostUsd) {

    /** Region value for global services and account-level findings. */
    public static final String GLOBAL = "global";

    public Finding {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        if (monthlyCostUsd != null) {
            monthlyCostUsd = monthlyCostUsd.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * The identity of a finding across runs: SHA-256 (hex) over account ID, region, check id and
     * resource id. The same resource failing the same check keeps its fingerprint, so history
     * ({@code first_seen}) survives across runs.
     */
    public String fingerprint() {
        return fingerprint(accountId, region, checkId, resourceId);
    }

    /** See {@link #fingerprint()}. */
    public static String fingerprint(String accountId, String region, String checkId, String resourceId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String key = accountId + '\u0000' + region + '\u0000' + checkId + '\u0000' + resourceId;
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
