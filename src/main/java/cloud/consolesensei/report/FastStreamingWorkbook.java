package cloud.consolesensei.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * POI's streaming workbook (SXSSF) tuned for sheets of a million rows, through POI's own extension
 * points and with POI's output unchanged but for compression:
 * <ul>
 * <li>both deflate passes, each sheet's gzipped temporary file (kept compressed so a million-row
 *     sheet takes tens of MB of temp space, not GBs) and the xlsx package, run at
 *     {@link Deflater#BEST_SPEED}: sheet XML is so repetitive that it still shrinks about tenfold;</li>
 * <li>sheet XML goes through an unsynchronized buffer: POI writes it a character or a short token at
 *     a time, and a {@link java.io.BufferedWriter} takes a lock on every call;</li>
 * <li>text without characters to escape is written in one call, not one code point at a time;</li>
 * <li>text from a small vocabulary ({@link #share}: severities, statuses, regions, account IDs,
 *     check IDs, titles, remediation) is written once, to the shared strings table, and each cell
 *     refers to it by index; all other text stays inline (a table of every resource ID and detail
 *     would grow with the estate). In a findings row that is most of the text.</li>
 * </ul>
 * Together they were most of the time a million-finding workbook took (see docs/benchmark.md).
 */
final class FastStreamingWorkbook extends SXSSFWorkbook {

    /** Vocabulary text to its index in the shared strings table. */
    private final Map<String, Integer> vocabulary = new HashMap<>();

    /** @param rowWindow rows kept in memory per sheet before they are flushed to its temporary file */
    FastStreamingWorkbook(int rowWindow) {
        this(null, rowWindow);
    }

    /**
     * @param template  the workbook to fill (a {@link WorkbookTemplate} copy: its sheets and styles are
     *                  kept), or null for a new one
     * @param rowWindow rows kept in memory per sheet before they are flushed to its temporary file
     */
    FastStreamingWorkbook(XSSFWorkbook template, int rowWindow) {
        super(template, rowWindow, true, true);
        // sheets create their temporary files later: in this process's own folder, never POI's shared one
        PoiTempFolder.install();
    }

    /**
     * Declares {@code text} part of the workbook's vocabulary: cells holding it refer to one entry of
     * the shared strings table. Only for texts with few distinct values: the table stays in memory.
     */
    void share(String text) {
        // POI's own add serializes the entry to XML to look it up: once per text, not once per cell
        vocabulary.computeIfAbsent(text, t -> getSharedStringSource().addSharedStringItem(new XSSFRichTextString(t)));
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastSheetDataWriter(getSharedStringSource(), vocabulary);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    /** A sheet's temporary file: gzip at the fastest level, written through {@link UnsyncWriter}. */
    static final class FastSheetDataWriter extends GZIPSheetDataWriter {

        private final Map<String, Integer> vocabulary;

        FastSheetDataWriter(SharedStringsTable sst, Map<String, Integer> vocabulary) throws IOException {
            super(sst);
            this.vocabulary = vocabulary;
        }

        /**
         * Text cells: vocabulary text as a shared string reference ({@code t="s"}), any other text
         * inline ({@code t="inlineStr"}), as POI writes either; other cells as POI does.
         */
        @Override
        public void writeCell(int columnIndex, Cell cell) throws IOException {
            if (cell == null || cell.getCellType() != CellType.STRING) {
                super.writeCell(columnIndex, cell);
                return;
            }
            String text = cell.getStringCellValue();
            _out.write("<c r=\"");
            _out.write(new CellReference(cell.getRowIndex(), columnIndex).formatAsString());
            int style = cell.getCellStyle().getIndex() & 0xffff;
            if (style != 0) {
                _out.write("\" s=\"");
                _out.write(Integer.toString(style));
            }
            Integer shared = vocabulary.get(text);
            if (shared != null) {
                _out.write("\" t=\"s\"><v>");
                _out.write(Integer.toString(shared));
                _out.write("</v></c>");
                return;
            }
            _out.write(edgeSpace(text) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    : "\" t=\"inlineStr\"><is><t>");
            outputEscapedString(text);
            _out.write("</t></is></c>");
        }

        private static boolean edgeSpace(String s) {
            return !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
        }

        @Override
        public Writer createWriter(File fd) throws IOException {
            // called from the super constructor: uses no field of this class
            OutputStream gz = new GZIPOutputStream(Files.newOutputStream(fd.toPath()), 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            return new UnsyncWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8));
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream fos) throws IOException {
            throw new UnsupportedOperationException("createWriter opens the stream");
        }

        /**
         * As POI's: {@code < > & "}, tab, LF, CR and U+00A0 become character references, other
         * control characters and U+FFFE/U+FFFF a question mark; text with none of them is written whole.
         */
        @Override
        protected void outputEscapedString(String s) throws IOException {
            if (s == null || s.isEmpty()) return;
            int n = s.length();
            int i = 0;
            while (i < n && plain(s.charAt(i))) i++;
            if (i == n) {
                _out.write(s);
                return;
            }
            _out.write(s, 0, i);
            for (; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\t' -> _out.write("&#x9;");
                    case '\n' -> _out.write("&#xa;");
                    case '\r' -> _out.write("&#xd;");
                    case '"' -> _out.write("&quot;");
                    case '&' -> _out.write("&amp;");
                    case '<' -> _out.write("&lt;");
                    case '>' -> _out.write("&gt;");
                    case '\u00a0' -> _out.write("&#xa0;");
                    default -> _out.write(c < ' ' || c >= '\ufffe' ? '?' : c);
                }
            }
        }

        private static boolean plain(char c) {
            return c >= ' ' && c != '"' && c != '&' && c != '<' && c != '>' && c != '\u00a0' && c < '\ufffe';
        }
    }

    /** A character buffer in front of a writer, without {@link java.io.BufferedWriter}'s per-call lock (one thread writes a sheet). */
    static final class UnsyncWriter extends Writer {

        private final Writer out;
        private final char[] buf = new char[64 * 1024];
        private int n;
        private boolean closed;

        UnsyncWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (n == buf.length) drain();
            buf[n++] = (char) c;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) drain();
                int k = Math.min(len, buf.length - n);
                s.getChars(off, off + k, buf, n);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) drain();
                int k = Math.min(len, buf.length - n);
                System.arraycopy(c, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void drain() throws IOException {
            if (n == 0) return;
            out.write(buf, 0, n);
            n = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        /** Idempotent, as BufferedWriter's: SXSSF closes a sheet's writer when it writes the package and again when it disposes it. */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            drain();
            out.close();
        }
    }
}
