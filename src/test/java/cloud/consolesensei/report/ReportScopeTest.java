package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The scope names of CONTRACT.md "Outputs of one run", and the filter the reports name. */
class ReportScopeTest {

    static final List<String> EVERY = List.of("222222222222", "111111111111", "333333333333");

    @Test
    void namesFollowTheContract() throws Exception {
        assertThat(ReportScope.name(List.of(), List.of(), EVERY)).isEqualTo("all");
        assertThat(ReportScope.name(List.of("333333333333", "111111111111", "222222222222"), List.of(), EVERY)).isEqualTo("all");
        assertThat(ReportScope.name(List.of("222222222222", "111111111111"), List.of(), EVERY))
                .isEqualTo("111111111111+222222222222");
        assertThat(ReportScope.name(List.of("111111111111"), List.of("eu-west-1"), EVERY)).isEqualTo("111111111111@eu-west-1");
        assertThat(ReportScope.name(List.of(), List.of("us-east-1", "eu-west-1"), EVERY)).isEqualTo("all@eu-west-1+us-east-1");
        List<String> six = IntStream.range(0, 6).mapToObj(i -> Long.toString(100_000_000_005L - i)).toList();
        String sorted = String.join("+", six.stream().sorted().toList());
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.UTF_8)));
        assertThat(ReportScope.name(six, List.of(), EVERY)).isEqualTo("accounts-6-" + hash.substring(0, 8));
        assertThat(ReportScope.name(six.subList(0, 5), List.of(), EVERY)).isEqualTo(String.join("+",
                six.subList(0, 5).stream().sorted().toList()));
    }

    @Test
    void theFilterIsNamedUnlessTheRunCoversEverything() {
        AccountTarget a = new AccountTarget("111111111111", "prod", null, null, List.of("eu-west-1"), List.of(), null, List.of());
        LocalDate d = LocalDate.of(2026, 12, 5);
        assertThat(new ReportScope("r", "all", List.of(a), d, false).limitedTo()).isNull();
        assertThat(new ReportScope("r", "111111111111", List.of(a), d, false).limitedTo()).isNull();
        assertThat(new ReportScope("r", "111111111111@eu-west-1", List.of(a), d, false).limitedTo())
                .startsWith("account 111111111111; regions eu-west-1 (global services");
        assertThat(new ReportScope("r", "all@eu-west-1+us-east-1", List.of(a), d, false).limitedTo())
                .startsWith("every account; regions eu-west-1, us-east-1");
    }
}
