package cloud.consolesensei.iam;

import cloud.consolesensei.aws.MalformedAnswer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the IAM credential report (the CSV inside {@code GetCredentialReport}'s base64 Content, which
 * the SDK hands over decoded as {@code SdkBytes}) with Apache Commons CSV, one row at a time.
 * <p>
 * Columns are read by header name, so AWS adding columns (it added {@code access_key_N_last_used_*}
 * over the years) changes nothing. Markers ({@code N/A}, {@code no_information}, {@code not_supported})
 * are kept as such ({@link ReportDate}); booleans are {@code true}/{@code false}, anything else
 * ({@code not_supported}) is {@code null}.
 */
final class CredentialReportParser {

    /** The columns the checks need; a report lacking one is malformed. */
    static final List<String> REQUIRED = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CredentialReportParser() {
    }

    /**
     * Streams the report's rows lazily; closing the stream closes the parser.
     *
     * @param csv       the report text
     * @param malformed told about each row that cannot be read (record number, reason); the row is skipped
     * @return the rows, in report order
     * @throws RuntimeException the {@link MalformedAnswer} exception when the header lacks a
     *         {@link #REQUIRED} column
     */
    static Stream<CredentialReportRow> rows(Reader csv, BiConsumer<Long, String> malformed) {
        CSVParser parser;
        try {
            parser = CSVParser.parse(csv, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            closeQuietly(parser);
            throw MalformedAnswer.of("credential report lacks column(s) " + missing, null);
        }
        return guarded(parser.iterator(), malformed)
                .map(r -> {
                    try {
                        return row(r);
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        malformed.accept(r.getRecordNumber(), e.getMessage());
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .onClose(() -> closeQuietly(parser));
    }

    /**
     * The parser's records; a CSV syntax error (commons-csv throws {@link UncheckedIOException} from
     * the iterator) is reported and ends the stream, keeping the rows already read.
     */
    private static Stream<CSVRecord> guarded(Iterator<CSVRecord> records, BiConsumer<Long, String> malformed) {
        Iterator<CSVRecord> it = new Iterator<>() {
            private boolean failed;
            private long read;

            @Override
            public boolean hasNext() {
                if (failed) return false;
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    failed = true;
                    malformed.accept(read + 1, "unreadable CSV: " + e.getMessage());
                    return false;
                }
            }

            @Override
            public CSVRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                read++;
                return records.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    /** One record to a row; throws {@link IllegalArgumentException} on a short record. */
    static CredentialReportRow row(CSVRecord r) {
        if (!r.isConsistent()) {
            throw new IllegalArgumentException("row " + r.getRecordNumber() + " has " + r.size()
                    + " values, the header " + r.getParser().getHeaderNames().size());
        }
        return new CredentialReportRow(r.get("user"), r.get("arn"), ReportDate.parse(r.get("user_creation_time")),
                flag(r.get("password_enabled")), ReportDate.parse(r.get("password_last_used")),
                ReportDate.parse(r.get("password_last_changed")), flag(r.get("mfa_active")),
                slot(r, 1), slot(r, 2));
    }

    private static AccessKeySlot slot(CSVRecord r, int n) {
        String p = "access_key_" + n + "_";
        return new AccessKeySlot(n, flag(r.get(p + "active")), ReportDate.parse(r.get(p + "last_rotated")),
                ReportDate.parse(r.get(p + "last_used_date")), optional(r, p + "last_used_region"),
                optional(r, p + "last_used_service"), null);
    }

    /** A column the checks do not need: {@code null} when absent or {@code N/A}. */
    private static String optional(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) return null;
        String v = r.get(column);
        return v.isEmpty() || "N/A".equals(v) ? null : v;
    }

    /** {@code true}/{@code false}; {@code null} for {@code not_supported} or anything else. */
    static Boolean flag(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static void closeQuietly(CSVParser p) {
        try {
            p.close();
        } catch (IOException ignored) {
            // an in-memory reader: nothing to release
        }
    }
}
