package cloud.consolesensei.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AccountFilterTest {

    private static final List<String> UNDER_PROD = List.of("r-ab12", "ou-ab12-workloads", "ou-ab12-produnit");

    @Test
    void emptyListsKeepEverything() {
        AccountFilter f = new AccountFilter(List.of(), List.of());
        assertThat(f.isEmpty()).isTrue();
        assertThat(f.needsOus()).isFalse();
        assertThat(f.rejects("123456789012", "anything", List.of())).isEmpty();
    }

    @Test
    void ouMatchesAtAnyDepthAndRootMatchesAll() {
        AccountFilter f = new AccountFilter(List.of("ou-ab12-workloads"), List.of());
        assertThat(f.needsOus()).isTrue();
        assertThat(f.rejects("123456789012", "app", UNDER_PROD)).isEmpty();
        assertThat(f.rejects("123456789012", "app", List.of("r-ab12", "ou-ab12-sandboxes")))
                .contains("not matched by any include entry");
        assertThat(new AccountFilter(List.of("r-ab12"), List.of()).rejects("123456789012", "app", UNDER_PROD)).isEmpty();
    }

    @Test
    void accountIdAndCaseInsensitiveNameGlob() {
        AccountFilter f = new AccountFilter(List.of("123456789012", "prod-*", "dev-?"), List.of());
        assertThat(f.needsOus()).isFalse();
        assertThat(f.rejects("123456789012", "x", List.of())).isEmpty();
        assertThat(f.rejects("210987654321", "PROD-payments", List.of())).isEmpty();
        assertThat(f.rejects("210987654321", "dev-1", List.of())).isEmpty();
        assertThat(f.rejects("210987654321", "dev-12", List.of())).isPresent();
        assertThat(f.rejects("210987654321", "my-prod-x", List.of())).isPresent();
        // regex characters in a glob are literal
        assertThat(new AccountFilter(List.of("a.b"), List.of()).rejects("210987654321", "axb", List.of())).isPresent();
    }

    @Test
    void excludeWinsOverInclude() {
        AccountFilter f = new AccountFilter(List.of("ou-ab12-workloads"), List.of("*-legacy", "210987654321"));
        assertThat(f.rejects("123456789012", "billing-legacy", UNDER_PROD)).contains("excluded by exclude entry '*-legacy'");
        assertThat(f.rejects("210987654321", "app", UNDER_PROD)).contains("excluded by exclude entry '210987654321'");
        assertThat(f.rejects("123456789012", "app", UNDER_PROD)).isEmpty();
    }
}
