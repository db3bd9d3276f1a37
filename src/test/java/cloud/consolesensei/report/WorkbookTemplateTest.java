package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook takes its look from the template (issue 16, item 9): the shipped one gives the
 * default look; a template restyled in a spreadsheet program (another header fill, a cover sheet with
 * a logo and text) changes the workbook a run writes; a template that is missing or not a workbook is
 * a one-line configuration error naming the file (exit 2).
 */
@JobTest
class WorkbookTemplateTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplateGivesTheDefaultLook() throws Exception {
        try (XSSFWorkbook wb = WorkbookTemplate.shipped().open("all", "2026-11-29", "r")) {
            WorkbookTemplate.Styles s = WorkbookTemplate.read(wb);
            XSSFCellStyle header = (XSSFCellStyle) s.named().get(WorkbookTemplate.Style.HEADER);
            assertThat(header.getFillForegroundColor()).isEqualTo(IndexedColors.DARK_BLUE.getIndex());
            assertThat(header.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(header.getFont().getBold()).isTrue();
            assertThat(header.getFont().getColor()).isEqualTo(IndexedColors.WHITE.getIndex());
            assertThat(s.named().get(WorkbookTemplate.Style.USD).getDataFormatString()).isEqualTo("\"$\"#,##0.00");
            assertThat(s.named().get(WorkbookTemplate.Style.PERCENT).getDataFormatString()).isEqualTo("0.0%");
            assertThat(s.named().get(WorkbookTemplate.Style.WRAP).getWrapText()).isTrue();
            assertThat(s.severity().get(Severity.CRITICAL).getFillForegroundColor()).isEqualTo(IndexedColors.DARK_RED.getIndex());
            assertThat(s.severity().get(Severity.INFO).getFillForegroundColor()).isEqualTo(IndexedColors.GREY_25_PERCENT.getIndex());
        }
    }

    @Test
    void aRestyledTemplateChangesTheWorkbookARunWrites() throws Exception {
        Path template = dir.resolve("finance.xlsx");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(WorkbookTemplate.SHIPPED);
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // finance's changes: a green header, and a cover sheet with a logo and the run in its text
            XSSFSheet styles = wb.getSheet(WorkbookTemplate.STYLES);
            for (Row r : styles) {
                if (r.getCell(0) != null && "header".equals(r.getCell(0).getStringCellValue())) {
                    XSSFCellStyle green = wb.createCellStyle();
                    green.cloneStyleFrom(r.getCell(1).getCellStyle());
                    green.setFillForegroundColor(IndexedColors.GREEN.getIndex());
                    r.getCell(1).setCellStyle(green);
                }
            }
            XSSFSheet cover = wb.createSheet(WorkbookTemplate.COVER);
            cover.createRow(0).createCell(0).setCellValue("Cloud costs for the CFO");
            cover.createRow(1).createCell(0).setCellValue("Scope {scope}, as of {as-of}");
            int logo = wb.addPicture(png(), Workbook.PICTURE_TYPE_PNG);
            XSSFDrawing d = cover.createDrawingPatriarch();
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(3);
            anchor.setRow1(0);
            d.createPicture(anchor, logo).resize(1.0);
            try (OutputStream out = Files.newOutputStream(template)) {
                wb.write(out);
            }
        }
        Cli cli = Cli.h2(dir, "consolesensei.workbook-template: \"" + template + "\"\n");
        Cli.Result run = cli.audit(Fixtures.AS_OF, "--account", "222222222222");
        assertThat(run.code()).as(run.err()).isZero();

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(cli.report("consolesensei", "222222222222",
                Fixtures.AS_OF, "xlsx")))) {
            assertThat(wb.getSheetName(0)).isEqualTo(WorkbookTemplate.COVER);
            assertThat(wb.getSheet(WorkbookTemplate.STYLES)).isNull();
            XSSFSheet cover = wb.getSheetAt(0);
            assertThat(cover.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Cloud costs for the CFO");
            assertThat(cover.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Scope 222222222222, as of " + Fixtures.AS_OF);
            assertThat(cover.getDrawingPatriarch().getShapes()).hasSize(1);
            Cell header = wb.getSheet("Findings").getRow(0).getCell(0);
            XSSFCellStyle style = (XSSFCellStyle) header.getCellStyle();
            assertThat(style.getFillForegroundColor()).isEqualTo(IndexedColors.GREEN.getIndex());
            assertThat(style.getFont().getColor()).isEqualTo(IndexedColors.WHITE.getIndex());
        }
    }

    @Test
    void aMissingOrBrokenTemplateIsAConfigurationErrorNamingTheFile() throws Exception {
        Path missing = dir.resolve("nowhere.xlsx");
        Cli.Result r = Cli.h2(dir.resolve("a"), "consolesensei.workbook-template: \"" + missing + "\"\n")
                .audit(Fixtures.AS_OF);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("consolesensei.workbook-template", missing.toString(), "cannot be read");

        Path broken = Files.writeString(dir.resolve("broken.xlsx"), "not a workbook");
        Cli.Result b = Cli.h2(dir.resolve("b"), "consolesensei.workbook-template: \"" + broken + "\"\n")
                .audit(Fixtures.AS_OF);
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains(broken.toString(), "not an Excel .xlsx workbook");
        assertThat(dir.resolve("b/reports")).doesNotExist();

        Path noStyles = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(noStyles)) {
            wb.createSheet("Sheet1");
            wb.write(out);
        }
        assertThatThrownBy(() -> WorkbookTemplate.of(noStyles))
                .hasMessageContaining(noStyles.toString()).hasMessageContaining("no sheet named 'Styles'");
    }

    /** A 1x1 PNG: the logo. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
