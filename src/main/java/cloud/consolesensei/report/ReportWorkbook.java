package cloud.consolesensei.report;

import cloud.consolesensei.finding.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook being written: a streaming POI workbook (SXSSF, a window of rows in memory, so
 * memory stays flat) plus the shared styles and cell conventions every sheet uses; the styles are
 * the workbook template's ({@link WorkbookTemplate}). All text goes
 * through {@link ExcelText#cell(String)}.
 * <p>
 * Every sheet prints landscape, one page wide, with its header row repeated on each page and a
 * footer giving the run's scope and as-of date and "Page x of y". The package carries a theme part,
 * which charts and renderers resolve default colours against (charts also colour every series
 * themselves: {@link ChartPalette}).
 */
public final class ReportWorkbook implements AutoCloseable {

    private final SXSSFWorkbook wb;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle usd;
    private final CellStyle date;
    private final CellStyle percent;
    private final CellStyle integer;
    private final CellStyle link;
    private final CellStyle wrap;
    private final String footer;
    private final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);

    /** A workbook whose printed pages carry no scope in their footer (only page numbers). */
    public ReportWorkbook(SXSSFWorkbook wb) {
        this(wb, "");
    }

    /**
     * @param wb     the streaming workbook to fill: made from a {@link WorkbookTemplate} (its styles are
     *               used) or a plain one (the shipped template's styles are copied in)
     * @param footer left footer of every printed page, e.g. "ConsoleSensei Cloud - all - as of
     *               2026-11-29 (UTC)"; the right footer is "Page x of y"
     */
    public ReportWorkbook(SXSSFWorkbook wb, String footer) {
        this.wb = wb;
        this.footer = footer;
        wb.setCompressTempFiles(true);
        // POI makes new packages without a theme part; renderers need one for anything not coloured explicitly
        wb.getXSSFWorkbook().getStylesSource().ensureThemesTable();
        WorkbookTemplate.Styles styles = styles(wb);
        header = styles.named().get(WorkbookTemplate.Style.HEADER);
        title = styles.named().get(WorkbookTemplate.Style.TITLE);
        usd = styles.named().get(WorkbookTemplate.Style.USD);
        date = styles.named().get(WorkbookTemplate.Style.DATE);
        percent = styles.named().get(WorkbookTemplate.Style.PERCENT);
        integer = styles.named().get(WorkbookTemplate.Style.INTEGER);
        link = styles.named().get(WorkbookTemplate.Style.LINK);
        wrap = styles.named().get(WorkbookTemplate.Style.WRAP);
        severity.putAll(styles.severity());
    }

    /**
     * The workbook template's styles: those of {@code wb} itself when it was made from a template
     * (its {@link WorkbookTemplate#STYLES} sheet, removed here), else the shipped template's, copied in.
     */
    private static WorkbookTemplate.Styles styles(SXSSFWorkbook wb) {
        XSSFWorkbook base = wb.getXSSFWorkbook();
        if (base.getSheet(WorkbookTemplate.STYLES) != null) {
            WorkbookTemplate.Styles own = WorkbookTemplate.read(base);
            // removed through the streaming workbook, never from its base alone: a stale mapping of the
            // removed sheet shares its part name (sheet1.xml) with the next sheet made, and when the
            // workbook is written it could stream the removed sheet's empty rows in place of that one's
            wb.removeSheetAt(wb.getSheetIndex(WorkbookTemplate.STYLES));
            return own;
        }
        try (XSSFWorkbook shipped = WorkbookTemplate.shipped().open("", "", "")) {
            WorkbookTemplate.Styles from = WorkbookTemplate.read(shipped);
            Map<WorkbookTemplate.Style, CellStyle> named = new EnumMap<>(WorkbookTemplate.Style.class);
            from.named().forEach((k, v) -> named.put(k, copy(wb, v)));
            Map<Severity, CellStyle> sev = new EnumMap<>(Severity.class);
            from.severity().forEach((k, v) -> sev.put(k, copy(wb, v)));
            return new WorkbookTemplate.Styles(named, sev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle copy(SXSSFWorkbook wb, CellStyle from) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(from);
        return s;
    }

    /** The style of a severity cell, as the template says (shipped: dark red CRITICAL to grey INFO). */
    public CellStyle severityStyle(Severity s) {
        return severity.get(s);
    }

    /**
     * Hyperlink objects per sheet. SXSSF keeps every hyperlink object of a sheet in memory until the
     * workbook is written (about 2.5 KB each), unlike its rows; past this many, links are written as
     * {@code HYPERLINK()} formulas instead, which stream with their rows.
     */
    static final int MAX_LINK_OBJECTS_PER_SHEET = 1_000;

    /** Excel's limit on a string literal in a formula (HYPERLINK's arguments). */
    private static final int MAX_FORMULA_STRING = 255;

    private final Map<Sheet, Integer> links = new IdentityHashMap<>();

    /**
     * Sets a text cell that links to {@code url} (no link when url is null). The first
     * {@link #MAX_LINK_OBJECTS_PER_SHEET} links of a sheet are hyperlink objects; later ones are
     * {@code HYPERLINK(url, text)} formulas with the text as their cached value (plain text when the url
     * or text is longer than a formula string may be), so memory stays flat however many rows link.
     */
    public Cell link(Row row, int col, String text, String url) {
        Cell c = set(row, col, text, false);
        if (url == null) return c;
        if (links.merge(row.getSheet(), 1, Integer::sum) <= MAX_LINK_OBJECTS_PER_SHEET) {
            var h = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
            h.setAddress(url);
            c.setHyperlink(h);
            c.setCellStyle(link);
        } else if (text != null && url.length() <= MAX_FORMULA_STRING && text.length() <= MAX_FORMULA_STRING) {
            String shown = ExcelText.cell(text);
            c.setCellFormula("HYPERLINK(" + quoted(url) + "," + quoted(shown) + ")");
            c.setCellValue(shown);
            c.setCellStyle(link);
        }
        return c;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The underlying POI workbook, for charts and special sheets. */
    public SXSSFWorkbook poi() {
        return wb;
    }

    /**
     * Creates a sheet with a safe name ({@link ExcelText#sheetName}). Columns are not tracked for
     * auto-sizing: sheets set their widths ({@link #widths}), and tracking lays out every cell's text
     * with AWT fonts as rows are flushed, which made the workbook the slowest part of a large run.
     */
    public SXSSFSheet sheet(String name) {
        SXSSFSheet s = wb.createSheet(ExcelText.sheetName(name));
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        fitToPageWidth(s);
        s.setMargin(PageMargin.LEFT, 0.4);
        s.setMargin(PageMargin.RIGHT, 0.4);
        s.getFooter().setLeft(HeaderFooter.font("Arial", "Regular")
                + HeaderFooter.fontSize((short) 8) + footerText(footer));
        s.getFooter().setCenter(HeaderFooter.fontSize((short) 8) + "&A");
        s.getFooter().setRight(HeaderFooter.fontSize((short) 8) + "Page &P of &N");
        return s;
    }

    /** Footer text with its ampersands doubled: a single {@code &} starts a footer code. */
    private static String footerText(String s) {
        return s.replace("&", "&&");
    }

    /** Printed or exported to PDF, {@code sheet} is one page wide (every sheet is, from {@link #sheet}). */
    public void fitToPageWidth(Sheet sheet) {
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** Printed or exported to PDF, {@code sheet} is one page (the Summary). */
    public void fitToOnePage(Sheet sheet) {
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 1);
        sheet.setFitToPage(true);
    }

    public CellStyle headerStyle() { return header; }
    public CellStyle titleStyle() { return title; }
    public CellStyle usdStyle() { return usd; }
    public CellStyle dateStyle() { return date; }
    public CellStyle percentStyle() { return percent; }
    /** Text that wraps within its column, top-aligned: for long text such as details and remediation. */
    public CellStyle wrapStyle() { return wrap; }

    /**
     * Writes a header row and freezes it; the sheet's first header row is also repeated at the top of
     * every printed page. An autofilter is set later via {@link #autoFilter}.
     */
    public void header(Sheet sheet, int rowIndex, List<String> headers) {
        if (sheet.getRepeatingRows() == null) {
            sheet.setRepeatingRows(new CellRangeAddress(rowIndex, rowIndex, -1, -1));
        }
        Row r = sheet.createRow(rowIndex);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = r.createCell(i);
            c.setCellValue(ExcelText.cell(headers.get(i)));
            c.setCellStyle(header);
        }
        sheet.createFreezePane(0, rowIndex + 1);
    }

    /** Adds an autofilter over the header row {@code headerRow} and the rows below it, up to {@code lastRow}. */
    public void autoFilter(Sheet sheet, int headerRow, int lastRow, int columns) {
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, columns - 1));
        }
    }

    /**
     * Sets a cell from a Java value: String (text), BigDecimal/Number, Boolean (Yes/No), LocalDate
     * or Instant (dates, UTC), or null (empty). {@code money} formats numbers as USD.
     */
    public Cell set(Row row, int col, Object value, boolean money) {
        Cell c = plain(row, col);
        if (value == null) {
            return c;
        }
        if (value instanceof BigDecimal b) {
            c.setCellValue(b.doubleValue());
            if (money) c.setCellStyle(usd);
        } else if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
            if (money) c.setCellStyle(usd);
            else if (n instanceof Integer || n instanceof Long) c.setCellStyle(integer);
        } else if (value instanceof Boolean b) {
            c.setCellValue(b ? "Yes" : "No");
        } else if (value instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(date);
        } else if (value instanceof Instant i) {
            c.setCellValue(i.atOffset(ZoneOffset.UTC).toLocalDateTime());
            c.setCellStyle(date);
        } else if (value instanceof Temporal t) {
            c.setCellValue(ExcelText.cell(t.toString()));
        } else {
            c.setCellValue(ExcelText.cell(value.toString()));
        }
        return c;
    }

    /**
     * Sets a text cell whose value comes from a small vocabulary (a severity, status, region, account
     * ID or name, service, resource type, check ID, title or remediation): the workbook stores each
     * such text once and the cells refer to it, which keeps a million-row sheet small and fast to
     * write. Never for resource IDs, details or other per-resource text.
     */
    public Cell term(Row row, int col, String text) {
        Cell c = plain(row, col);
        if (text == null) return c;
        String v = ExcelText.cell(text);
        if (wb instanceof FastStreamingWorkbook fast) fast.share(v);
        c.setCellValue(v);
        return c;
    }

    /**
     * Each sheet's column styles (the template's, else the workbook's default), looked up once per column.
     * A streamed cell without a style of its own asks for its column's when it is written, and POI finds
     * that by scanning the sheet's column definitions: a tenth of the report step's CPU, for every cell.
     * A column's style is read at its first cell (sheets set none after writing rows). Sheets are written on
     * threads of their own, each sheet by one.
     */
    private final Map<Sheet, CellStyle[]> columnStyles = new ConcurrentHashMap<>();

    /** A new cell with its column's style set, as POI would find it when writing the cell (same file). */
    private Cell plain(Row row, int col) {
        Cell c = row.createCell(col);
        Sheet sheet = row.getSheet();
        CellStyle[] styles = columnStyles.computeIfAbsent(sheet, s -> new CellStyle[32]);
        if (col >= styles.length) {
            styles = Arrays.copyOf(styles, Math.max(col + 1, styles.length * 2));
            columnStyles.put(sheet, styles);
        }
        CellStyle style = styles[col];
        if (style == null) {
            style = sheet.getColumnStyle(col);
            styles[col] = style = style != null ? style : wb.getCellStyleAt(0);
        }
        c.setCellStyle(style);
        return c;
    }

    /** Height of one line of wrapped text in the workbook's default font, in points. */
    private static final float LINE_POINTS = 15f;

    /** Lines a wrapped cell grows to at most; longer text stays whole in the cell and in the CSV. */
    static final int MAX_WRAPPED_LINES = 8;

    /**
     * Makes {@code row} tall enough for its wrapped {@code texts}, each in a column {@code widthChars}
     * wide. Renderers do not grow a streamed row to fit wrapped text by themselves (LibreOffice draws
     * the lines over the next rows), and measuring text with fonts is too slow for a million rows: the
     * line count is estimated from the length (proportional glyphs average about 0.85 of a width unit).
     */
    public void fitWrapped(Row row, int widthChars, String... texts) {
        int lines = 1;
        for (String t : texts) {
            if (t == null) continue;
            int n = 0;
            for (String part : t.split("\n", -1)) n += Math.max(1, (int) Math.ceil(part.length() * 0.85 / widthChars));
            lines = Math.max(lines, n);
        }
        if (lines > 1) row.setHeightInPoints(Math.min(lines, MAX_WRAPPED_LINES) * LINE_POINTS);
    }

    /** Sets column widths in characters (POI units are 1/256 of a character). */
    public void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, chars[i]) * 256);
        }
    }

    @Override
    public void close() {
        wb.dispose();
        try {
            wb.close();
        } catch (IOException ignored) {
            // temp files are already disposed
        }
    }
}
