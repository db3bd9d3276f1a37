package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CostFormatTest {

    @Test
    void amountsAreGroupedCentsRoundedHalfUp() {
        assertThat(CostFormat.usd(new BigDecimal("0"))).isEqualTo("0.00 USD");
        assertThat(CostFormat.usd(new BigDecimal("8.005"))).isEqualTo("8.01 USD");
        assertThat(CostFormat.usd(new BigDecimal("8.0049"))).isEqualTo("8.00 USD");
        assertThat(CostFormat.usd(new BigDecimal("999.995"))).isEqualTo("1,000.00 USD");
        assertThat(CostFormat.usd(new BigDecimal("-1234.561"))).isEqualTo("-1,234.56 USD");
        assertThat(CostFormat.money(new BigDecimal("1E+6"), "EUR")).isEqualTo("1,000,000.00 EUR");
        // a residue that rounds to zero is shown as it is, not as -0.00
        assertThat(CostFormat.amount(new BigDecimal("-0.0000000289"))).isEqualTo("-0.0000000289");
    }

    /** The format is kept per thread: threads formatting at once each get their own amounts back. */
    @Test
    void threadsFormattingAtOnceGetTheirOwnAmounts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        BigDecimal v = BigDecimal.valueOf(thread * 1_000_000L + i, 2);
                        if (!CostFormat.amount(v).replace(",", "").equals(v.toPlainString())) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
