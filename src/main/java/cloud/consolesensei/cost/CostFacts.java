package cloud.consolesensei.cost;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.report.AccountFacts;
import cloud.consolesensei.report.ReportScope;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The cost figures of an account for the Summary sheet and the email: month to date, last month,
 * its change against the month before (USD and %), month-end forecast and budget. Read from
 * {@link CostCache} (what the run stored), never from AWS. Amounts are USD; a bill in another
 * currency is shown as text with its unit; an unknown figure is {@code null}.
 */
@Component
@Order(10)
public class CostFacts implements AccountFacts {

    private final CostCache cache;
    private final CostProperties properties;

    public CostFacts(CostCache cache, CostProperties properties) {
        this.cache = cache;
        this.properties = properties;
    }

    /** The snapshot the cache holds for {@code account} on the scope's as-of date. */
    CostSnapshot snapshot(AccountTarget account, ReportScope scope) {
        return CostSpans.fromCache(cache, account.id(), properties.costScope(), properties.costMetric(), scope.asOf(),
                CostSpans.SHEET_DAYS, account.monthlyBudgetUsd());
    }

    @Override
    public List<Fact> facts(String accountId, ReportScope scope) {
        AccountTarget account = scope.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst().orElse(null);
        if (account == null) return List.of();
        CostSnapshot s = snapshot(account, scope);
        CostPeriod last = s.lastMonth().orElse(null);
        CostPeriod before = s.monthBeforeLast().orElse(null);
        BigDecimal lastUsd = last == null ? null : last.usdTotal();
        BigDecimal beforeUsd = before == null ? null : before.usdTotal();
        List<Fact> out = new ArrayList<>();
        if (s.months().isEmpty()) {
            // nothing was read (a coverage gap): unknown, never a real 0.00
            out.add(new Fact("Costs", "not read: see the Coverage sheet", false));
            out.add(new Fact("Monthly budget (USD)", s.budgetUsd(), true));
            return out;
        }
        out.add(money("Month to date (USD)", s.monthToDate()));
        out.add(money("Last month (USD)", last));
        boolean change = lastUsd != null && beforeUsd != null;
        out.add(new Fact("Change vs month before (USD)", change ? lastUsd.subtract(beforeUsd) : null, true));
        out.add(new Fact("Change vs month before (%)", change && beforeUsd.signum() > 0
                ? new Ratio(lastUsd.subtract(beforeUsd).divide(beforeUsd, MathContext.DECIMAL64)) : null, false));
        out.add(new Fact("Month-end forecast (USD)", s.monthEndForecastUsd().orElse(null), true));
        out.add(new Fact("Monthly budget (USD)", s.budgetUsd(), true));
        return out;
    }

    /** A period's total: a USD amount, or text with the units when the bill is (partly) in another currency. */
    static Fact money(String label, CostPeriod p) {
        if (p == null) return new Fact(label, null, true);
        BigDecimal usd = p.usdTotal();
        if (usd != null) return new Fact(label, usd, true);
        Map<String, BigDecimal> totals = p.totals();
        return new Fact(label, totals.entrySet().stream()
                .map(e -> CostFormat.money(e.getValue(), e.getKey())).collect(Collectors.joining(" + ")), false);
    }
}
