package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/** Builds the S3 checks' catalog entries: service {@code s3}, no thresholds besides {@code enabled}. */
final class S3Catalog {

    /** Every bucket check needs these to find the buckets and their regions. */
    private static final List<String> LISTING = List.of("s3:ListAllMyBuckets", "s3:GetBucketLocation");

    private S3Catalog() {
    }

    /** A per-bucket check's entry; {@code actions} are the reads it needs beyond listing. */
    static CheckDefinition bucket(String id, String title, Severity severity, String rule, String risk, String remediation,
                                  List<String> actions, List<String> references) {
        List<String> all = new ArrayList<>(LISTING);
        all.addAll(actions);
        return new CheckDefinition(id, title, severity, "s3", "S3 bucket", rule, risk, remediation, all, references, List.of());
    }

    /** An account-level check's entry. */
    static CheckDefinition account(String id, String title, Severity severity, String rule, String risk, String remediation,
                                   List<String> actions, List<String> references) {
        return new CheckDefinition(id, title, severity, "s3", "AWS account", rule, risk, remediation, actions, references,
                List.of());
    }
}
