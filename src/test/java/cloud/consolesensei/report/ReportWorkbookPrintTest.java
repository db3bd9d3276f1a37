package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What a printed or PDF-exported sheet looks like, read back from the written package: landscape,
 * one page wide, the header row repeated, the footer with scope, as-of date and "Page x of y", a
 * theme part; percentages stored as numbers with a percent format, long text wrapping in a row
 * tall enough for it. (How it renders is {@link RenderedWorkbookTest}'s part.)
 */
class ReportWorkbookPrintTest {

    @Test
    void everySheetPrintsLandscapeOnePageWideWithItsHeaderAndFooter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook wb = new ReportWorkbook(new FastStreamingWorkbook(100), "ConsoleSensei Cloud - scope a&b - as of 2026-11-29")) {
            SXSSFSheet summary = wb.sheet("Summary");
            wb.fitToOnePage(summary);
            SXSSFSheet findings = wb.sheet("Findings");
            wb.header(findings, 0, List.of("Detail", "Change"));
            Row r = findings.createRow(1);
            String detail = "word ".repeat(60);
            wb.set(r, 0, detail, false).setCellStyle(wb.wrapStyle());
            wb.set(r, 1, new BigDecimal("0.216"), false).setCellStyle(wb.percentStyle());
            wb.fitWrapped(r, 60, detail);
            wb.header(findings, 3, List.of("A second table"));
            wb.poi().write(out);
        }
        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(back.getTheme()).isNotNull();
            for (XSSFSheet s : List.of(back.getSheet("Summary"), back.getSheet("Findings"))) {
                PrintSetup p = s.getPrintSetup();
                assertThat(p.getLandscape()).isTrue();
                assertThat(s.getFitToPage()).isTrue();
                assertThat(p.getFitWidth()).isEqualTo((short) 1);
                assertThat(s.getFooter().getLeft()).endsWith("ConsoleSensei Cloud - scope a&&b - as of 2026-11-29");
                assertThat(s.getFooter().getCenter()).endsWith("&A");
                assertThat(s.getFooter().getRight()).endsWith("Page &P of &N");
            }
            assertThat(back.getSheet("Summary").getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            XSSFSheet findings = back.getSheet("Findings");
            assertThat(findings.getPrintSetup().getFitHeight()).isZero();
            // the first table's header repeats on every page
            assertThat(findings.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            Row r = findings.getRow(1);
            assertThat(r.getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(r.getHeightInPoints()).isEqualTo(5 * 15f); // 300 characters x 0.85 / 60 wide = 4.25: 5 lines
            assertThat(r.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(0.216);
            assertThat(r.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }
}
