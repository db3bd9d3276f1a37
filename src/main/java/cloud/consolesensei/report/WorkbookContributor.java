package cloud.consolesensei.report;

/**
 * A capability that adds its own sheets to the workbook (e.g. the cost package's Costs sheet).
 * Declared as a Spring bean; called by the report step after the standard sheets' order slot.
 */
public interface WorkbookContributor {

    /** Sheet order among contributors; lower first. */
    int order();

    /** Adds sheets for {@code scope} to {@code workbook}. */
    void contribute(ReportWorkbook workbook, ReportScope scope);
}
