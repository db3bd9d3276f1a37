package cloud.consolesensei.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import cloud.consolesensei.finding.Severity;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook template ({@code reports-templates/workbook.xlsx}, or the file
 * {@code consolesensei.workbook-template} names) the report takes its look from, so finance can
 * restyle it in Excel without touching the program:
 * <ul>
 *   <li>sheet {@value #STYLES}: a style name in column A ({@code title}, {@code header}, {@code usd},
 *       {@code date}, {@code percent}, {@code integer}, {@code link}, {@code wrap},
 *       {@code severity CRITICAL} ... {@code severity INFO}) and in column B a cell formatted as that
 *       style should be; the report uses the B cell's style itself (fonts, fills, borders, number
 *       formats, and the theme, as Excel saved them) and leaves the sheet out of the workbook;</li>
 *   <li>an optional sheet {@value #COVER}: kept as the workbook's first sheet as it is (text, logo
 *       and other pictures, column widths), with {@code {scope}}, {@code {as-of}} and {@code {run}}
 *       in its text replaced by the run's.</li>
 * </ul>
 * The streaming writer fills a copy of the template ({@code new SXSSFWorkbook(template)} keeps its
 * sheets and styles), so memory stays flat however many findings there are.
 */
public final class WorkbookTemplate {

    /** The sheet of named styles. */
    public static final String STYLES = "Styles";
    /** The optional cover sheet. */
    public static final String COVER = "Cover";
    /** Classpath location of the shipped template. */
    public static final String SHIPPED = "reports-templates/workbook.xlsx";

    /** Every style the workbook needs, by its name in the {@value #STYLES} sheet. */
    enum Style {
        TITLE("title"), HEADER("header"), USD("usd"), DATE("date"), PERCENT("percent"), INTEGER("integer"),
        LINK("link"), WRAP("wrap");

        final String label;

        Style(String label) {
            this.label = label;
        }
    }

    /** The styles taken from a template workbook. */
    record Styles(Map<Style, CellStyle> named, Map<Severity, CellStyle> severity) {
    }

    private final String source;
    private final byte[] bytes;

    private WorkbookTemplate(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
    }

    /** The template shipped with the program. */
    public static WorkbookTemplate shipped() {
        try (InputStream in = WorkbookTemplate.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) throw new IllegalStateException("the shipped workbook template " + SHIPPED + " is not on the classpath");
            return checked("the shipped workbook template " + SHIPPED, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template in {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read, is not an .xlsx workbook,
     *                                  or lacks the {@value #STYLES} sheet or one of its styles
     */
    public static WorkbookTemplate of(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("workbook template " + file + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return checked("workbook template " + file, bytes);
    }

    private static WorkbookTemplate checked(String source, byte[] bytes) {
        WorkbookTemplate t = new WorkbookTemplate(source, bytes);
        try (XSSFWorkbook wb = t.open()) {
            styles(wb, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    /**
     * A fresh copy of the template, its cover (if any) filled with the run's values.
     *
     * @throws IllegalArgumentException naming the template when it is not an .xlsx workbook
     */
    public XSSFWorkbook open(String scope, String asOf, String runId) {
        XSSFWorkbook wb = open();
        Sheet cover = wb.getSheet(COVER);
        if (cover != null) {
            wb.setSheetOrder(COVER, 0);
            for (Row r : cover) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue().contains("{")) {
                        c.setCellValue(c.getStringCellValue().replace("{scope}", scope).replace("{as-of}", asOf)
                                .replace("{run}", runId));
                    }
                }
            }
        }
        return wb;
    }

    private XSSFWorkbook open() {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(source + ": not an Excel .xlsx workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")");
        }
    }

    /**
     * Takes the named styles of a workbook opened from a template and removes its {@value #STYLES}
     * sheet (the styles stay in the workbook's style table).
     */
    static Styles read(XSSFWorkbook wb) {
        return styles(wb, "workbook template");
    }

    private static Styles styles(XSSFWorkbook wb, String source) {
        Sheet sheet = wb.getSheet(STYLES);
        if (sheet == null) {
            throw new IllegalArgumentException(source + ": has no sheet named '" + STYLES + "' (style names in column A,"
                    + " a cell so styled in column B; see the shipped " + SHIPPED + ")");
        }
        Map<String, CellStyle> byName = new HashMap<>();
        for (Row r : sheet) {
            Cell name = r.getCell(0);
            Cell sample = r.getCell(1);
            if (name != null && sample != null && name.getCellType() == CellType.STRING) {
                byName.put(name.getStringCellValue().trim().toLowerCase(java.util.Locale.ROOT), sample.getCellStyle());
            }
        }
        Map<Style, CellStyle> named = new EnumMap<>(Style.class);
        for (Style st : Style.values()) named.put(st, required(byName, st.label, source));
        Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);
        for (Severity sv : Severity.values()) severity.put(sv, required(byName, "severity " + sv.name().toLowerCase(java.util.Locale.ROOT), source));
        return new Styles(named, severity);
    }

    private static CellStyle required(Map<String, CellStyle> byName, String name, String source) {
        CellStyle s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException(source + ": sheet '" + STYLES + "' has no style named '" + name
                    + "' in column A (see the shipped " + SHIPPED + ")");
        }
        return s;
    }
}
