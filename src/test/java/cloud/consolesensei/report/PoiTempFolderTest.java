package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: the spreadsheet library's temporary files go to a folder of this process's own,
 * owner-only, never to POI's {@code <tmpdir>/poifiles} that the first OS user of a host owns.
 */
class PoiTempFolderTest {

    @Test
    void workbooksOfThisProcessUseItsOwnOwnerOnlyFolder() throws Exception {
        try (ReportWorkbook first = new ReportWorkbook(new FastStreamingWorkbook(10));
             ReportWorkbook second = new ReportWorkbook(new FastStreamingWorkbook(10))) {
            fill(first, "First");
            fill(second, "Second");
            // the rows past the window are in each sheet's temporary file, in the process's folder
            Path folder = PoiTempFolder.install();
            assertThat(folder.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(folder.getFileName().toString()).startsWith("consolesensei-poi-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(sheetFiles(folder)).hasSize(2);
            Path probe = TempFile.createTempFile("probe", ".tmp").toPath();
            assertThat(probe.getParent()).isEqualTo(folder);
            Files.delete(probe);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            first.poi().write(out);
            assertThat(out.size()).isPositive();
        }
        assertThat(PoiTempFolder.install()).as("one folder for the whole process").isEqualTo(PoiTempFolder.install());
    }

    private static void fill(ReportWorkbook wb, String name) {
        Sheet s = wb.poi().createSheet(name);
        for (int i = 0; i < 50; i++) {
            Row r = s.createRow(i);
            r.createCell(0).setCellValue(name + " row " + i);
        }
    }

    private static List<Path> sheetFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet")).toList();
        }
    }
}
