package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The tuned streaming workbook writes what POI would: read back with POI's full XSSF reader, every
 * value, style and escape survives, vocabulary text as shared strings and other text inline; and
 * the two-thread hand-off of rows keeps order and reports failures.
 */
class FastStreamingWorkbookTest {

    private static final List<String> AWKWARD = List.of("a < b & c > \"d\"", " leading and trailing ", "tab\there",
            "line\nbreak\r\n", "nbsp\u00a0x", "ctl\u0001x", "emoji \uD83D\uDE80 ok", "caf\u00e9", "");

    @Test
    void aCellWithoutAStyleOfItsOwnGetsItsColumnsAsPoiWouldResolveIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook wb = new ReportWorkbook(new FastStreamingWorkbook(10))) {
            SXSSFSheet sheet = wb.sheet("Inventory");
            CellStyle grey = wb.poi().createCellStyle();
            grey.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            grey.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            sheet.setDefaultColumnStyle(1, grey);
            for (int i = 0; i < 50; i++) { // past the row window
                Row r = sheet.createRow(i);
                wb.term(r, 0, "eu-west-1");
                wb.set(r, 1, "i-" + i, false);
                wb.set(r, 2, new BigDecimal("1.5"), false);
                wb.set(r, 3, null, false);
                wb.set(r, 40, Boolean.TRUE, false); // past the first columns looked up
                wb.set(r, 5, new BigDecimal("2.25"), true);
            }
            wb.poi().write(out);
            wb.poi().dispose();
        }
        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = back.getSheet("Inventory");
            for (int i = 0; i < 50; i++) {
                Row r = s.getRow(i);
                assertThat(r.getCell(1).getCellStyle().getFillPattern()).isEqualTo(
                        FillPatternType.SOLID_FOREGROUND);
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo("i-" + i);
                for (int col : new int[] {0, 2, 3, 40}) {
                    assertThat(r.getCell(col).getCellStyle().getIndex()).as("row %d column %d", i, col).isZero();
                }
                assertThat(r.getCell(5).getCellStyle().getIndex()).as("the money style, not the column's").isNotZero();
            }
        }
    }

    @Test
    void valuesStylesAndEscapesSurviveAReadBackAndVocabularyIsShared() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = 2_000; // past the row window: most rows go through the temporary file
        try (ReportWorkbook wb = new ReportWorkbook(new FastStreamingWorkbook(100))) {
            SXSSFSheet sheet = wb.sheet("Findings");
            wb.header(sheet, 0, List.of("Severity", "Text", "Cost", "Seen", "Awkward", "Shared awkward"));
            for (int i = 1; i <= rows; i++) {
                Row r = sheet.createRow(i);
                wb.term(r, 0, i % 2 == 0 ? "HIGH" : "LOW").setCellStyle(wb.severityStyle(cloud.consolesensei.finding.Severity.HIGH));
                wb.set(r, 1, "unique detail " + i, false);
                wb.set(r, 2, new BigDecimal("12.34"), true);
                wb.set(r, 3, LocalDate.parse("2026-11-29"), false);
                wb.set(r, 4, AWKWARD.get(i % AWKWARD.size()), false);
                wb.term(r, 5, AWKWARD.get(i % AWKWARD.size()));
            }
            wb.poi().write(out);
            assertThat(wb.poi().dispose()).as("temporary files removed without error").isTrue();
        }
        String sheetXml = entry(out.toByteArray(), "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("t=\"s\"").contains("t=\"inlineStr\"");
        String sst = entry(out.toByteArray(), "xl/sharedStrings.xml");
        assertThat(sst).contains("HIGH").doesNotContain("unique detail");

        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = back.getSheet("Findings");
            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Text");
            for (int i = 1; i <= rows; i++) {
                Row r = s.getRow(i);
                assertThat(r.getCell(0).getStringCellValue()).isEqualTo(i % 2 == 0 ? "HIGH" : "LOW");
                assertThat(r.getCell(0).getCellStyle().getFillForegroundColor())
                        .isEqualTo(IndexedColors.RED.getIndex());
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo("unique detail " + i);
                assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(12.34);
                assertThat(r.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2026-11-29"));
                String expected = ExcelText.cell(AWKWARD.get(i % AWKWARD.size()));
                // POI writes a control character other than tab, CR and LF as '?'
                String read = expected.replace('\u0001', '?');
                if (expected.isEmpty()) {
                    assertThat(r.getCell(4) == null || r.getCell(4).getStringCellValue().isEmpty()).isTrue();
                } else {
                    assertThat(r.getCell(4).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(r.getCell(4).getStringCellValue()).isEqualTo(read);
                    assertThat(r.getCell(5).getStringCellValue()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void handOffKeepsOrderAcrossBatchesAndWaitsForTheWorker() {
        List<Integer> seen = new ArrayList<>();
        int n = HandOff.BATCH * (HandOff.BATCHES + 3) + 7;
        try (HandOff<Integer> h = new HandOff<>("test-worker", seen::add)) {
            for (int i = 0; i < n; i++) h.accept(i);
            h.finish();
        }
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) assertThat(seen.get(i)).isEqualTo(i);
    }

    @Test
    void aFailingWorkerFailsTheReaderAndAFailingReaderStopsTheWorker() {
        assertThatThrownBy(() -> {
            try (HandOff<Integer> h = new HandOff<>("test-worker", i -> {
                if (i == 1_000) throw new IllegalStateException("disk full at row " + i);
            })) {
                for (int i = 0; i < 100_000; i++) h.accept(i);
                h.finish();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("disk full at row 1000");

        Thread[] worker = new Thread[1];
        assertThatThrownBy(() -> {
            try (HandOff<Integer> h = new HandOff<>("test-worker-2", i -> worker[0] = Thread.currentThread())) {
                for (int i = 0; i < 5_000; i++) h.accept(i);
                throw new IllegalArgumentException("database gone");
            }
        }).hasMessage("database gone");
        assertThat(worker[0]).isNotNull();
        assertThat(worker[0].isAlive()).isFalse();
    }

    /** An entry of the package, found through its central directory (as Excel reads it). */
    private static String entry(byte[] zip, String name) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("workbook", ".xlsx");
        try {
            java.nio.file.Files.write(f, zip);
            try (ZipFile z = new ZipFile(f.toFile())) {
                var e = z.getEntry(name);
                assertThat(e).as(name).isNotNull();
                return new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(f);
        }
    }
}
