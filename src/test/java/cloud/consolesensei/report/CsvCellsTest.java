package cloud.consolesensei.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV formula-injection guard (OWASP "CSV Injection"): a leading apostrophe, value kept. */
class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd"})
    void aCellAFormulaCouldStartWithIsNeutralised(String cell) {
        assertThat(CsvCells.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i-0123456789abcdef0", "prod", "1.50", "arn:aws:iam::123456789012:role/a=b", " =not first"})
    void anyOtherCellIsUnchanged(String cell) {
        assertThat(CsvCells.safe(cell)).isEqualTo(cell);
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(CsvCells.safe(null)).isEmpty();
        assertThat(CsvCells.safe("")).isEmpty();
    }
}
