package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook filled from the template keeps every sheet's rows: the template's Styles sheet leaves
 * the workbook without taking the rows of the sheet made after it. (Removed from the streaming
 * workbook's base alone, it left a mapping that shares its part name with the next sheet, and which
 * of the two got written depended on hash order: an empty Summary now and then.)
 */
class TemplateSheetsTest {

    /** Enough workbooks that a hash-order dependence shows: each one had about even odds. */
    private static final int WORKBOOKS = 40;

    @Test
    void everySheetKeepsItsRowsWhateverTheHashOrder() throws Exception {
        WorkbookTemplate template = WorkbookTemplate.shipped();
        for (int n = 0; n < WORKBOOKS; n++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReportWorkbook wb = new ReportWorkbook(new FastStreamingWorkbook(template.open("all", "2026-11-29", "run"), 10))) {
                fill(wb.poi().createSheet("Summary"), "summary");
                fill(wb.poi().createSheet("Findings"), "finding");
                wb.poi().write(out);
            }
            try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(back.getSheet(WorkbookTemplate.STYLES)).as("workbook %d keeps no Styles sheet", n).isNull();
                assertThat(back.getSheet("Summary").getRow(0).getCell(0).getStringCellValue()).as("workbook %d", n)
                        .isEqualTo("summary 0");
                assertThat(back.getSheet("Summary").getLastRowNum()).isEqualTo(29);
                assertThat(back.getSheet("Findings").getRow(29).getCell(0).getStringCellValue()).isEqualTo("finding 29");
            }
        }
    }

    private static void fill(Sheet sheet, String text) {
        for (int i = 0; i < 30; i++) {
            Row r = sheet.createRow(i);
            r.createCell(0).setCellValue(text + " " + i);
        }
    }
}
