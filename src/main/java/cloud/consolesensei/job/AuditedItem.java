package cloud.consolesensei.job;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.finding.Finding;

import java.util.List;

/**
 * What the collect step's processor makes of one resource.
 *
 * @param findings     the checks' findings (may be empty)
 * @param inventoryRow its inventory sheet row, or null
 */
public record AuditedItem(List<Finding> findings, InventoryRow inventoryRow) {

    public AuditedItem {
        findings = List.copyOf(findings);
    }
}
