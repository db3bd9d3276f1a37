package cloud.consolesensei.report;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's workbook as a person sees it: converted to PDF by LibreOffice (headless), each page
 * rasterised by poppler's {@code pdftoppm}, then read back. The Summary prints on one page, every
 * page carries the footer with scope, as-of date and "Page x of y", and the charts draw: the
 * Summary's trend charts and the Costs sheet's charts show pixels of the chart palette, which an
 * empty (uncoloured) chart does not. Needs {@code libreoffice-calc} and {@code poppler-utils}:
 * run by the {@code render} profile ({@code ./mvnw -B -Prender verify}), which {@code .ci/run}
 * installs them for. The rendered pages are kept under {@code target/render/} to look at.
 */
@Tag("render")
@JobTest
class RenderedWorkbookTest {

    /** The footer of a page: its left part names the scope and as-of date, its right part the page. */
    private static final Pattern FOOTER = Pattern.compile(
            "(?s)ConsoleSensei Cloud - scope all - as of 2026-11-29 \\(UTC\\)(.*)Page (\\d+) of (\\d+)");

    @TempDir
    Path work;

    @Test
    void theDemoWorkbookPrintsAndItsChartsDraw() throws Exception {
        Path reports = work.resolve("reports");
        for (String asOf : List.of("2026-11-22", "2026-11-29")) {
            Cli.Result r = Cli.run(work, "run", "--demo", "--as-of", asOf, "--reports-dir", reports.toString(),
                    "--no-email");
            assertThat(r.code()).as(r.err()).isZero();
        }
        Path xlsx = reports.resolve("2026-11-29/consolesensei-all-2026-11-29.xlsx");
        Path out = Path.of("target", "render").toAbsolutePath();
        Files.createDirectories(out);
        run(out, "libreoffice", "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", out.toString(), xlsx.toString());
        Path pdf = out.resolve("consolesensei-all-2026-11-29.pdf");
        assertThat(pdf).exists();

        // which sheet each page belongs to, from the footer's centre (the sheet name)
        run(out, "pdftotext", "-layout", pdf.toString(), out.resolve("pages.txt").toString());
        String[] pages = Files.readString(out.resolve("pages.txt"), StandardCharsets.UTF_8).split("\f");
        List<String> sheets = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            wb.forEach(sheet -> sheets.add(sheet.getSheetName()));
        }
        Map<Integer, String> sheetOfPage = new LinkedHashMap<>();
        int total = -1;
        for (int i = 0; i < pages.length; i++) {
            Matcher m = FOOTER.matcher(pages[i]);
            if (!m.find()) continue;
            // between the footer's left and right parts: the sheet name, and perhaps a chart legend laid out beside it
            List<String> parts = List.of(m.group(1).trim().split("\\s{2,}"));
            sheetOfPage.put(i + 1, parts.stream().filter(sheets::contains).findFirst().orElse("?"));
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(i + 1);
            total = Integer.parseInt(m.group(3));
        }
        assertThat(sheetOfPage).hasSize(total).containsEntry(1, "Summary").doesNotContainValue("?");
        assertThat(sheetOfPage.values()).containsOnlyOnce("Summary").contains("Findings", "Costs", "Coverage");

        run(out, "pdftoppm", "-png", "-r", "80", pdf.toString(), out.resolve("page").toString());
        BufferedImage summary = page(out, 1, total);
        // the two trend charts: a line of each of at least three palette colours
        assertThat(paletteColoursDrawn(summary, 150)).as("palette colours on the Summary page").hasSizeGreaterThanOrEqualTo(3);
        int costsPage = sheetOfPage.entrySet().stream().filter(e -> e.getValue().equals("Costs")).findFirst().orElseThrow().getKey();
        // the stacked columns: at least three services coloured apart
        assertThat(paletteColoursDrawn(page(out, costsPage, total), 150)).as("palette colours on the Costs page")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    /** Indices of palette colours of which at least {@code minPixels} pixels are drawn. */
    private static List<Integer> paletteColoursDrawn(BufferedImage img, int minPixels) {
        int[] counts = new int[ChartPalette.COLOURS.size()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                for (int c = 0; c < counts.length; c++) {
                    byte[] p = ChartPalette.colour(c);
                    int d = Math.abs(((rgb >> 16) & 0xff) - (p[0] & 0xff)) + Math.abs(((rgb >> 8) & 0xff) - (p[1] & 0xff))
                            + Math.abs((rgb & 0xff) - (p[2] & 0xff));
                    // grey and black are no proof of colour: only the saturated palette entries count
                    if (d < 45 && saturated(p)) counts[c]++;
                }
            }
        }
        List<Integer> drawn = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) if (counts[c] >= minPixels) drawn.add(c);
        return drawn;
    }

    private static boolean saturated(byte[] p) {
        int max = Math.max(p[0] & 0xff, Math.max(p[1] & 0xff, p[2] & 0xff));
        int min = Math.min(p[0] & 0xff, Math.min(p[1] & 0xff, p[2] & 0xff));
        return max - min > 80;
    }

    private static BufferedImage page(Path dir, int page, int total) throws IOException {
        String digits = String.format("%0" + String.valueOf(total).length() + "d", page);
        return ImageIO.read(dir.resolve("page-" + digits + ".png").toFile());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(Path.of(command[0]).getFileName() + ".log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": see " + dir.resolve(command[0] + ".log")).isZero();
    }
}
