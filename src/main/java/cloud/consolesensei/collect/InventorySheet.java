package cloud.consolesensei.collect;

import java.util.List;

/**
 * An inventory sheet of the workbook (one per resource kind): its name and columns.
 * Every sheet also gets leading Account ID and Region columns, added by the report.
 *
 * @param name    sheet name, at most 31 characters, e.g. "EBS Volumes"
 * @param columns column headers and kinds, in order
 */
public record InventorySheet(String name, List<Column> columns) {

    public InventorySheet {
        if (name.length() > 31) throw new IllegalArgumentException("sheet name over 31 chars: " + name);
        columns = List.copyOf(columns);
    }

    /** Cell kinds the report formats differently. */
    public enum Kind { TEXT, NUMBER, USD, DATE, BOOLEAN }

    /** One column. */
    public record Column(String header, Kind kind) {
        public static Column text(String h) { return new Column(h, Kind.TEXT); }
        public static Column number(String h) { return new Column(h, Kind.NUMBER); }
        public static Column usd(String h) { return new Column(h, Kind.USD); }
        public static Column date(String h) { return new Column(h, Kind.DATE); }
        public static Column bool(String h) { return new Column(h, Kind.BOOLEAN); }
    }
}
