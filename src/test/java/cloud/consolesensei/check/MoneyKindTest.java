package cloud.consolesensei.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.autoscaling.AutoScalingModule;
import cloud.consolesensei.cost.CostModule;
import cloud.consolesensei.cost.CostProperties;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.ec2.Ec2Module;
import cloud.consolesensei.iam.IamModule;
import cloud.consolesensei.s3.S3Module;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each check declares what its money is, as the catalog's section "Savings and cost alerts" lists
 * it: the savings checks, the cost-alert checks, and no money for every other check. A check that
 * puts an amount on a finding without declaring a kind fails at once rather than being left out of
 * both sums.
 */
class MoneyKindTest {

    /** checks.md, "Savings and cost alerts". */
    static final Set<String> SAVINGS = Set.of("ec2.instance_stopped_long", "ec2.eip_unassociated", "ec2.instance_idle",
            "ebs.volume_unattached", "ebs.volume_gp2", "ebs.volume_idle", "ebs.snapshot_old", "ebs.snapshot_orphaned");
    static final Set<String> COST_ALERTS = Set.of("cost.service_spike", "cost.forecast_over_budget", "cost.daily_anomaly",
            "billing.budget_exceeded", "billing.budget_forecast_exceeded");

    private final CheckCatalog catalog = new CheckCatalog(List.of(new Ec2Module(), new EbsModule(), new AutoScalingModule(),
            new S3Module(), new IamModule(), new CostModule(null, null, new CostProperties(null, null))));

    @Test
    void everyCheckDeclaresTheKindTheCatalogGivesIt() {
        assertThat(catalog.all()).hasSizeGreaterThan(30).allSatisfy(d -> assertThat(d.money())
                .as(d.id()).isEqualTo(SAVINGS.contains(d.id()) ? MoneyKind.SAVINGS
                        : COST_ALERTS.contains(d.id()) ? MoneyKind.COST_ALERT : MoneyKind.NONE));
        assertThat(catalog.ids(MoneyKind.SAVINGS)).contains("ebs.volume_unattached", "ec2.eip_unassociated")
                .allMatch(SAVINGS::contains);
        assertThat(catalog.ids(MoneyKind.COST_ALERT)).contains("cost.daily_anomaly").allMatch(COST_ALERTS::contains);
        assertThat(catalog.money("no.such_check")).isEqualTo(MoneyKind.NONE);
    }

    @Test
    void anAmountOnACheckWithoutMoneyIsRefused() {
        CheckDefinition noMoney = catalog.find("iam.root_mfa_disabled").orElseThrow();
        CheckContext ctx = new CheckContext("111111111111", "prod", "global", LocalDate.of(2026, 12, 5),
                CheckSettings.defaults(catalog.all()), null);
        assertThat(ctx.finding(noMoney, "root").monthlyCostUsd(null).build().monthlyCostUsd()).isNull();
        assertThatThrownBy(() -> ctx.finding(noMoney, "root").monthlyCostUsd(BigDecimal.ONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iam.root_mfa_disabled");
    }
}
