package cloud.consolesensei.job;

import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.run.AuditRuns;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The rules a run request obeys, the same for {@code run}, {@code restart}, {@code serve}'s
 * schedule and the HTTP API (CONTRACT.md, "Commands"): an as-of no later than today in
 * {@code consolesensei.schedule.zone} and no earlier than the latest completed run of its
 * accounts; regions of the accounts' partition ({@link Regions#partitionOf}). Callers phrase the
 * refusal (exit 2, HTTP 400 or 409); the words naming the value and the allowed range are these.
 */
@Component
public class RunRules {

    private final ConsoleSenseiProperties props;
    private final AuditRuns runs;

    public RunRules(ConsoleSenseiProperties props, AuditRuns runs) {
        this.props = props;
        this.runs = runs;
    }

    /** Today in {@code consolesensei.schedule.zone}: the default as-of, and the latest allowed. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(props.schedule().zone()));
    }

    /**
     * Why {@code asOf} is in the future, e.g. {@code "--as-of 2026-12-06 is in the future; the latest
     * allowed is 2026-12-05 (today in UTC)"}, or null when it is not.
     *
     * @param label how the caller names the value ({@code --as-of}, {@code asOf})
     */
    public String futureAsOf(String label, LocalDate asOf) {
        LocalDate today = today();
        if (asOf == null || !asOf.isAfter(today)) return null;
        return label + " " + asOf + " is in the future; the latest allowed is " + today + " (today in "
                + props.schedule().zone() + ")";
    }

    /**
     * Why {@code asOf} is refused when an earlier run of the same accounts completed as of
     * {@code latest}, a later date, e.g. {@code "--as-of 2026-11-01 is before 2026-12-01, ..."}.
     *
     * @param label how the caller names the value ({@code --as-of}, {@code asOf})
     */
    public static String beforeLaterRun(String label, LocalDate asOf, LocalDate latest) {
        return label + " " + asOf + " is before " + latest
                + ", the as-of date of an earlier run of these accounts: the findings history only moves forward"
                + " (use " + label + " " + latest + " or later)";
    }

    /**
     * The as-of date of the latest completed run of any of {@code accountIds} when it is after
     * {@code asOf} (the history only moves forward), else empty.
     *
     * @param exceptRunId a run not to count (the one being restarted), or null
     */
    public Optional<LocalDate> laterCompletedRun(Collection<String> accountIds, LocalDate asOf, String exceptRunId) {
        return runs.latestCompletedAsOf(accountIds, exceptRunId).filter(asOf::isBefore);
    }

    /**
     * One line per region of {@code regions} that is not an AWS region of the partition of the
     * accounts named ({@code accountIds}; empty: every configured account), e.g.
     * {@code "--region 'cn-north-1' is a region of the aws-cn partition, not of the accounts' (aws)"}.
     *
     * @param label how the caller names the value ({@code --region}, {@code regions:})
     */
    public List<String> regionProblems(String label, Collection<String> accountIds, Collection<String> regions) {
        Set<String> partitions = new LinkedHashSet<>();
        for (ConsoleSenseiProperties.Account a : props.accounts()) {
            if (accountIds.isEmpty() || accountIds.contains(a.id())) partitions.add(partitionOf(a));
        }
        if (partitions.isEmpty()) partitions.add(Regions.partition(props.aws().stsHomeRegion()));
        List<String> problems = new ArrayList<>();
        for (String r : regions) {
            if (r == null || !Regions.isKnown(r)) {
                problems.add(label + " '" + r + "' is not an AWS region name (e.g. us-east-1, eu-west-1)");
                continue;
            }
            String p = Regions.partition(r);
            if (!partitions.stream().allMatch(p::equals)) {
                problems.add(label + " '" + r + "' is a region of the " + p + " partition, not of the accounts' ("
                        + String.join(", ", partitions) + ")");
            }
        }
        return problems;
    }

    /** The partition an account's calls go to: its role ARN's, else that of the STS home region. */
    public String partitionOf(ConsoleSenseiProperties.Account account) {
        return Regions.partitionOf(account.roleArn(), props.aws().stsHomeRegion());
    }
}
