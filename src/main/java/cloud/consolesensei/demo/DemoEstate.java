package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.math.BigDecimal;
import java.util.List;

/**
 * The built-in demo estate: two accounts in a few regions, in which every check fires at least
 * once and clean resources exist too. All data is made with the AWS SDK's model builders and
 * served by fakes of the SDK client interfaces (see {@link DemoAwsClients}); dates are relative
 * to the run's as-of date so the demo looks the same whenever it runs.
 */
public final class DemoEstate {

    /** Production-like demo account. */
    public static final AccountTarget PRODUCTION = new AccountTarget("111111111111", "DEMO-production", null, null,
            List.of("us-east-1", "eu-west-1"), List.of("us-east-1", "eu-west-1"), new BigDecimal("9000"),
            List.of("prod-team@example.com"));

    /** Staging-like demo account. */
    public static final AccountTarget STAGING = new AccountTarget("222222222222", "DEMO-staging", null, null,
            List.of("us-east-1", "us-west-2"), List.of(), new BigDecimal("1500"),
            List.of("staging-team@example.com"));

    /** The demo accounts, in report order. */
    public static final List<AccountTarget> ACCOUNTS = List.of(PRODUCTION, STAGING);

    private DemoEstate() {
    }
}
