package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Console links: hyperlink objects up to the per-sheet cap, then HYPERLINK formulas with the text cached. */
class ReportWorkbookLinksTest {

    @Test
    void linksPastTheObjectCapAreFormulasThatShowTheText() throws Exception {
        int rows = ReportWorkbook.MAX_LINK_OBJECTS_PER_SHEET + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWorkbook wb = new ReportWorkbook(new SXSSFWorkbook(100))) {
            SXSSFSheet sheet = wb.sheet("Findings");
            for (int i = 0; i < rows; i++) {
                wb.link(sheet.createRow(i), 0, "i-" + i + "\"q", "https://console.aws.amazon.com/ec2/home?region=us-east-1#i-" + i);
            }
            wb.link(sheet.createRow(rows), 0, "x".repeat(300), "https://console.aws.amazon.com/too-long-text");
            wb.poi().write(out);
        }
        try (XSSFWorkbook back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = back.getSheet("Findings");
            var first = s.getRow(0).getCell(0);
            assertThat(first.getHyperlink().getAddress()).endsWith("#i-0");
            assertThat(first.getStringCellValue()).isEqualTo("i-0\"q");
            var late = s.getRow(rows - 1).getCell(0);
            assertThat(late.getHyperlink()).isNull();
            assertThat(late.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(late.getCellFormula()).isEqualTo("HYPERLINK(\"https://console.aws.amazon.com/ec2/home?region=us-east-1#i-"
                    + (rows - 1) + "\",\"i-" + (rows - 1) + "\"\"q\")");
            assertThat(late.getStringCellValue()).isEqualTo("i-" + (rows - 1) + "\"q");
            var plain = s.getRow(rows).getCell(0);
            assertThat(plain.getCellType()).isEqualTo(CellType.STRING);
            assertThat(plain.getStringCellValue()).hasSize(300);
        }
    }
}
