package cloud.consolesensei.doctor;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The IAM policy document (JSON) granting the audit identity exactly the read-only actions the
 * enabled checks need, plus {@code ec2:DescribeRegions} (regions: all-enabled). Every action
 * allows {@code "Resource": "*"}: these List/Describe/Get actions support no narrower resource
 * (Service Authorization Reference), except the S3 bucket reads, which could be narrowed to
 * {@code arn:aws:s3:::*} without changing anything.
 */
public final class LeastPrivilegePolicy {

    /** Actions the run itself needs whatever checks are enabled. */
    public static final List<String> ALWAYS = List.of("ec2:DescribeRegions");

    /**
     * Actions of report data that no check needs: the Billing sheet's invoices (AWS Invoicing API). Only
     * the paying account may list invoices; a member account is refused, which is informational.
     */
    public static final List<String> REPORT_DATA = List.of("invoicing:ListInvoiceSummaries");

    private LeastPrivilegePolicy() {
    }

    /** The policy document granting {@code actions} (sorted, each once), pretty-printed. */
    public static String json(Collection<String> actions) {
        String list = new TreeSet<>(actions).stream().map(a -> "        \"" + a + "\"")
                .collect(Collectors.joining(",\n"));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "ConsoleSenseiReadOnlyAudit",
                      "Effect": "Allow",
                      "Action": [
                %s
                      ],
                      "Resource": "*"
                    }
                  ]
                }""".formatted(list);
    }
}
