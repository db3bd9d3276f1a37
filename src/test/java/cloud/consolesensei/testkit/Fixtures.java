package cloud.consolesensei.testkit;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;
import java.util.List;

/**
 * The fixed facts the tests share: the as-of date they audit (UTC) and the account they read
 * when one account is enough. A test about a particular date (a month boundary, a stop date)
 * names its own.
 */
public final class Fixtures {

    /** The as-of date the tests audit, unless the date is what a test is about. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);

    /** The account ID of one-account tests (the AWS documentation's example account). */
    public static final String ACCOUNT = "123456789012";

    private Fixtures() {
    }

    /** An account without role, budget or recipients, audited in {@code regions}. */
    public static AccountTarget account(String id, String name, List<String> regions) {
        return new AccountTarget(id, name, null, null, regions, List.of(), null, List.of());
    }
}
