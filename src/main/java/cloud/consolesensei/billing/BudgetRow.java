package cloud.consolesensei.billing;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.finding.Finding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import software.amazon.awssdk.services.budgets.model.Spend;

/**
 * One budget as the Billing sheet's Budgets table shows it ({@link BudgetStanding} made flat), stored
 * in the run's inventory store under {@link #ROWS}. Amounts are in {@code unit}, never converted.
 *
 * @param accountId   12-digit account ID
 * @param name        BudgetName
 * @param type        BudgetType
 * @param timeUnit    TimeUnit
 * @param period      the current period in words ({@link BudgetStanding#periodLabel()})
 * @param periodStart its first day, or {@code null}
 * @param limit       the period's limit, or {@code null}
 * @param actual      actual spend, or {@code null}
 * @param forecast    forecasted spend, or {@code null}
 * @param unit        the limit's unit (USD for COST budgets; GB, Hrs, ... for USAGE budgets)
 * @param usedShare   actual / limit (1 = 100 %), or {@code null}
 * @param status      {@link BudgetStanding.Status} name
 * @param note        why not evaluated, or what was compared
 */
public record BudgetRow(String accountId, String name, String type, String timeUnit, String period, LocalDate periodStart,
                        BigDecimal limit, BigDecimal actual, BigDecimal forecast, String unit, BigDecimal usedShare,
                        String status, String note) {

    /** Inventory store key of budget rows. */
    public static final String ROWS = "Budgets";

    /** The flat row of {@code s}, a budget of {@code accountId}. */
    public static BudgetRow of(String accountId, BudgetStanding s) {
        String unit = s.limit() != null ? s.limit().unit() : s.actual() != null ? s.actual().unit() : null;
        return new BudgetRow(accountId, s.name(), s.type(), s.timeUnit(), s.periodLabel(), s.periodStart(),
                amount(s.limit()), amount(s.actual()), amount(s.forecast()), unit, s.usedShare(), s.status().name(), s.note());
    }

    /** The verdict. */
    public BudgetStanding.Status standing() {
        return BudgetStanding.Status.valueOf(status);
    }

    /** The row as the inventory store keeps it (resource id: the budget name). */
    public InventoryRow toInventoryRow() {
        return new InventoryRow(ROWS, accountId, Finding.GLOBAL, name, Arrays.asList(type, timeUnit, period, periodStart,
                limit, actual, forecast, unit, usedShare, status, note));
    }

    /** Decodes {@link #toInventoryRow()}. */
    public static BudgetRow from(InventoryRow r) {
        List<Object> c = r.cells();
        return new BudgetRow(r.accountId(), r.resourceId(), (String) c.get(0), (String) c.get(1), (String) c.get(2),
                (LocalDate) c.get(3), (BigDecimal) c.get(4), (BigDecimal) c.get(5), (BigDecimal) c.get(6),
                (String) c.get(7), (BigDecimal) c.get(8), (String) c.get(9), (String) c.get(10));
    }

    private static BigDecimal amount(Spend s) {
        return s == null ? null : s.amount();
    }
}
