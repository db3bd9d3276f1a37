package cloud.consolesensei.check;

import cloud.consolesensei.collect.ServiceModule;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Renders {@code docs/checks.md}, the check catalog, from the {@link CheckDefinition}s of every
 * {@link ServiceModule} on the class path (found by scanning, so a new module is in the catalog
 * without anyone listing it). {@link CatalogDocTest} keeps the file equal to what this renders.
 */
final class CatalogDocument {

    /** Rules the catalog's checks share, stated once rather than in every definition. */
    private static final String SHARED_RULES = """
        - `resource_id` is the resource's own AWS identifier: instance id, Elastic IP allocation id, security
          group id, volume id, snapshot id, Auto Scaling group name, bucket name, IAM user name, access key
          id, IAM role name; `arn:aws:iam::<account>:root` for the root user; the account id for account-level
          findings (password policy, EBS default encryption with its region, S3 account public access block,
          cost forecast); the Cost Explorer SERVICE value for `cost.service_spike`; the day (YYYY-MM-DD) for
          `cost.daily_anomaly`.
        - Instances in state `terminated` or `shutting-down` are not evaluated.
        - S3 buckets are listed account-wide and audited in their own region, whether or not that region is
          among the account's configured `regions`.
        - Access-key checks apply to IAM users; the root user's keys have their own checks.
        - "Never used" counts from the creation date (users' passwords, access keys, roles).
        - `ec2.instance_idle` and `ebs.volume_idle` read CloudWatch GetMetricData with a period of 86,400 s
          over whole UTC days ending at the as-of date's 00:00 UTC (14 days for instances, 7 for volumes):
          `AWS/EC2` CPUUtilization (Average), NetworkIn and NetworkOut (Sum) by InstanceId; `AWS/EBS`
          VolumeReadOps and VolumeWriteOps (Sum) by VolumeId. A missing datapoint is not zero: a day counts as
          idle only when every value the rule names exists for it, and a resource with no datapoint at all is
          not evaluated. `resource_id` is the instance or volume id; the detail gives the idle days and the
          figures that made them idle.
        - Billing checks read AWS Budgets (DescribeBudgets for the audited account, every page) and judge COST
          budgets only. The limit is BudgetLimit, or for a budget with PlannedBudgetLimits the entry of the
          current period's start; actual and forecast are CalculatedSpend's ActualSpend and ForecastedSpend. A
          budget without CalculatedSpend, or whose TimePeriod ended before the as-of date, is not evaluated.
          Amounts are compared in the budget's own unit; `monthly_cost_usd` is filled only for a USD budget.
          `resource_id` is the budget name.
        - Volume prices: storage per GiB-month, plus provisioned IOPS (io1 flat; io2 in its tiers up to
          32,000, 32,001-64,000 and above; gp3 above 3,000) and gp3 throughput above 125 MiB/s; gp2, st1, sc1
          and standard have no provisioned part (their `iops` is informational, and may be absent).
        - Policy documents arrive URL-encoded from IAM (decode once), and follow the IAM grammar: `Statement`
          may be one object or a list, `Action`/`Resource`/`Principal` a string or a list, action names are
          case-insensitive. `NotAction` is not `Action: *` for `iam.user_admin_attached`.
        - Organizations: an account's `State` decides (`Status` only when `State` is absent); only ACTIVE
          accounts are audited; the others are listed on the Organization sheet, not as gaps.
        - Settings of the v2 checks (`checks.<id>.<setting>`, defaults in brackets): `ec2.instance_idle`:
          `max-cpu-percent` [10], `max-network-bytes` [5000000], `min-idle-days` [4], `days` [14];
          `ebs.volume_idle`: `days` [7]; the billing checks: `enabled` only.
        - Price List lookups are cached in the database per (region, instance type, operating system, tenancy,
          as-of month) and shared by all accounts; a lookup is made with the credentials of the account whose
          instance needs the price. A refused lookup is an informational coverage gap (service `pricing`,
          region `global`) for that account, and the prices it could not get stay empty. A PlatformDetails
          other than the four above (SQL Server editions, BYOL, Ubuntu Pro, ...) or a tenancy `host` leaves
          the price empty and says why.
        - Invoices are listed (ListInvoiceSummaries, Selector ACCOUNT_ID = the audited account, every page)
          with the credentials of `cost.payer-account` when it is configured, otherwise with the account's
          own. An account whose own credentials are refused (AccessDenied: it is not the paying account) is an
          informational gap whose remedy names `cost.payer-account`. Where an invoice and Cost Explorer cover
          the same account and month, the Billing sheet sets Cost Explorer's month total (the configured
          metric, RECORD_TYPE Tax left out) beside the invoice's total before tax, with the difference.
          Amounts of different currencies are never added.
        - A budget's current period is the calendar month, quarter or year (or day) that contains the as-of
          date (UTC); CalculatedSpend is taken as that period's. A budget with PlannedBudgetLimits but no
          entry for that period, or whose TimePeriod.End is at or before the as-of date's 00:00 UTC, is not
          evaluated. Equal to the limit is not above it. For budget findings `monthly_cost_usd` is the
          period's excess as it is (the detail names the period).
        - Unknown is not "off": when an input a check needs could not be read (a coverage gap), the check says
          nothing about that resource rather than guessing (no `s3.bucket_public` when the account block could
          not be read). A finding whose only missing part is its price keeps an empty `monthly_cost_usd` and
          says why in its detail.
        """;

    private CatalogDocument() {
    }

    /** Every check of every service module on the class path, in module order. */
    static List<CheckDefinition> definitions() throws ReflectiveOperationException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(ServiceModule.class));
        List<ServiceModule> modules = new ArrayList<>();
        for (BeanDefinition b : scan.findCandidateComponents("cloud.consolesensei")) {
            Class<?> type = Class.forName(b.getBeanClassName());
            if (type.getPackageName().startsWith("cloud.consolesensei.testkit")) continue;
            modules.add(instance(type));
        }
        return new CheckCatalog(modules).all();
    }

    /** A module built with its fewest-argument constructor, nulls for its collaborators (only its definitions are read). */
    private static ServiceModule instance(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> c = Arrays.stream(type.getConstructors()).min(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow();
        return (ServiceModule) c.newInstance(new Object[c.getParameterCount()]);
    }

    /** The Markdown of the catalog. */
    static String render(List<CheckDefinition> defs) {
        StringBuilder md = new StringBuilder();
        md.append("# Check catalog\n\n");
        md.append("<!-- Generated from the check definitions (CheckDefinition) of every service module; do not edit.\n");
        md.append("     Regenerate: ./mvnw -B -o test -Dtest=CatalogDocTest -Dcatalog.write=true -->\n\n");
        md.append("Each check turns what a reader saw into findings. A check id is a stable public name: it appears in\n"
                + "the CSV and workbook, in suppressions and in the findings history, so it never changes meaning once\n"
                + "shipped. Thresholds are defaults; every one is configurable (`checks.<id>.<setting>`).\n\n"
                + "Severity scale (as AWS Security Hub and Prowler use it): CRITICAL, HIGH, MEDIUM, LOW, INFO.\n"
                + "`monthly_cost_usd` is the estimated monthly money at stake in USD, empty where a check has no cost\n"
                + "side. Prices are never guessed in code.\n\n");
        md.append("| id | title | severity | money |\n|---|---|---|---|\n");
        for (CheckDefinition d : defs) {
            md.append("| [`").append(d.id()).append("`](#").append(anchor(d.id())).append(") | ").append(cell(d.title()))
                    .append(" | ").append(d.severity()).append(" | ").append(money(d.money())).append(" |\n");
        }
        Map<String, List<CheckDefinition>> byService = defs.stream().collect(Collectors.groupingBy(
                d -> d.id().substring(0, d.id().indexOf('.')), TreeMap::new, Collectors.toList()));
        byService.forEach((service, checks) -> {
            md.append("\n## ").append(service).append("\n");
            for (CheckDefinition d : checks) check(md, d);
        });
        md.append("\n## Savings and cost alerts\n\n");
        md.append("`monthly_cost_usd` means two different things, never added together. **Savings** (USD per month,\n"
                + "waste someone can act on; each resource counted once, at its largest figure): ")
                .append(ids(defs, MoneyKind.SAVINGS)).append(". **Cost alerts** (USD, spend that rose or will pass a\n"
                + "limit): ").append(ids(defs, MoneyKind.COST_ALERT))
                .append(". Reports, emails and the API show the two sums apart.\n");
        md.append("\n## Rules that hold for every check\n\n").append(SHARED_RULES);
        return md.toString();
    }

    private static void check(StringBuilder md, CheckDefinition d) {
        md.append("\n### ").append(d.id()).append("\n\n");
        md.append("**").append(d.title()).append("** · ").append(d.severity()).append(" · ").append(d.resourceType())
                .append(" (AWS service `").append(d.service()).append("`)\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Rule", d.rule());
        row(md, "monthly_cost_usd", d.money() == MoneyKind.NONE ? "-" : money(d.money()) + ": " + d.costFormula());
        row(md, "Why it matters", d.risk());
        row(md, "Remediation", d.remediation());
        row(md, "IAM actions", d.iamActions().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")));
        List<String> cis = d.references().stream().filter(r -> r.startsWith("CIS")).toList();
        row(md, "CIS reference", cis.isEmpty() ? "-" : String.join("; ", cis));
        List<String> other = d.references().stream().filter(r -> !r.startsWith("CIS")).toList();
        row(md, "References", other.isEmpty() ? "-" : String.join("; ", other));
        List<String> settings = new ArrayList<>(List.of("`enabled` [true]"));
        d.settings().forEach(s -> settings.add("`" + s.name() + "` [" + s.defaultValue() + "]: " + s.description()));
        row(md, "Settings (`checks." + d.id() + ".*`)", String.join("; ", settings));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", "<br>");
    }

    private static String money(MoneyKind m) {
        return switch (m) {
            case SAVINGS -> "savings (USD/month)";
            case COST_ALERT -> "cost alert (USD)";
            case NONE -> "-";
        };
    }

    private static String ids(List<CheckDefinition> defs, MoneyKind kind) {
        return defs.stream().filter(d -> d.money() == kind).map(d -> "`" + d.id() + "`").collect(Collectors.joining(", "));
    }

    private static String anchor(String id) {
        return id.replace(".", "");
    }
}
