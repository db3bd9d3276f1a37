package cloud.consolesensei.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link AccountLocks} on one database engine, through the application context (Flyway's schema):
 * all-or-nothing per-account locks, refusal naming the holder, takeover of a silent holder,
 * release, liveness. Two contexts stand for two processes sharing the database.
 */
@JobTest
abstract class AccountLocksSuite {

    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String C = "333333333333";

    @TempDir
    Path dir;

    abstract Cli cli(Path dir) throws Exception;

    @Test
    void anySharedAccountConflictsAndNothingIsTakenHalfway() throws Exception {
        Cli cli = cli(dir.resolve("a"));
        try (ConfigurableApplicationContext one = cli.context(); ConfigurableApplicationContext two = cli.context()) {
            AccountLocks first = one.getBean(AccountLocks.class);
            AccountLocks second = two.getBean(AccountLocks.class);
            first.acquire(41, List.of(A, B));
            assertThat(first.isAlive(41)).isTrue();
            assertThat(second.isAlive(41)).as("seen from the other process").isTrue();

            assertThatThrownBy(() -> second.acquire(42, List.of(C, B)))
                    .isInstanceOfSatisfying(AccountsBusyException.class, e -> {
                        assertThat(e.getAccountId()).isEqualTo(B);
                        assertThat(e.getHolderExecutionId()).isEqualTo(41);
                        assertThat(e.getBusyAccounts()).isEqualTo(1);
                    })
                    .hasMessageStartingWith("account 222222222222 is being audited by job execution 41")
                    .hasMessageNotContaining("\n");
            assertThat(cli.number("SELECT COUNT(*) FROM account_lock WHERE execution_id = 42")).as("all or nothing").isZero();
            assertThat(second.isAlive(42)).as("a refused execution is not alive").isFalse();
            assertThatThrownBy(() -> second.check(List.of(A))).isInstanceOf(AccountsBusyException.class)
                    .hasMessageContaining("job execution 41");
            second.check(List.of(C));

            second.acquire(42, List.of(C));
            assertThat(first.alive(List.of(41L, 42L, 43L))).containsExactlyInAnyOrder(41L, 42L);

            first.release(41);
            assertThat(second.isAlive(41)).isFalse();
            second.acquire(43, List.of(A, B));
            assertThat(cli.number("SELECT COUNT(*) FROM account_lock WHERE execution_id = 43")).isEqualTo(2);
        }
    }

    @Test
    void aHolderSilentForSixtySecondsIsTakenOver() throws Exception {
        Cli cli = cli(dir.resolve("b"));
        try (ConfigurableApplicationContext one = cli.context(); ConfigurableApplicationContext two = cli.context()) {
            AccountLocks dead = one.getBean(AccountLocks.class);
            AccountLocks next = two.getBean(AccountLocks.class);
            dead.acquire(7, List.of(A, B));
            dead.close(); // its process stops beating
            cli.execute("UPDATE execution_heartbeat SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '59' SECOND");
            assertThatThrownBy(() -> next.acquire(8, List.of(B))).as("59 s of silence: still alive")
                    .isInstanceOf(AccountsBusyException.class);
            cli.execute("UPDATE execution_heartbeat SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '61' SECOND"
                    + " WHERE execution_id = 7");
            assertThat(next.isAlive(7)).isFalse();
            next.acquire(8, List.of(B, C));
            assertThat(cli.query("SELECT account_id, execution_id FROM account_lock ORDER BY account_id"))
                    .extracting(r -> r.get("account_id") + "=" + r.get("execution_id"))
                    .containsExactly(A + "=7", B + "=8", C + "=8");

            next.heartbeat(8);
            cli.execute("UPDATE execution_heartbeat SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '50' SECOND"
                    + " WHERE execution_id = 8");
            next.heartbeat(8);
            assertThat(cli.number("SELECT COUNT(*) FROM execution_heartbeat WHERE execution_id = 8"
                    + " AND heartbeat_at > CURRENT_TIMESTAMP - INTERVAL '5' SECOND")).as("the heartbeat moved").isEqualTo(1);
        }
    }

    @Test
    void fiveThousandAccountsAreTakenAndRefusedInOneGo() throws Exception {
        Cli cli = cli(dir.resolve("c"));
        List<String> many = IntStream.range(0, 5_000).mapToObj(i -> Long.toString(100_000_000_000L + i)).toList();
        try (ConfigurableApplicationContext ctx = cli.context()) {
            AccountLocks locks = ctx.getBean(AccountLocks.class);
            locks.acquire(1, many);
            assertThatThrownBy(() -> locks.acquire(2, List.of(many.get(4_999), many.get(17))))
                    .isInstanceOfSatisfying(AccountsBusyException.class, e -> {
                        assertThat(e.getAccountId()).isEqualTo(many.get(17));
                        assertThat(e.getBusyAccounts()).isEqualTo(2);
                    }).hasMessageContaining("1 more of the accounts asked for are busy too");
            locks.release(1);
            assertThat(cli.number("SELECT COUNT(*) FROM account_lock")).isZero();
        }
    }
}
