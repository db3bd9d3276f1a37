package cloud.consolesensei.collect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One resource's row of an inventory sheet.
 *
 * @param sheet      sheet name ({@link InventorySheet#name()})
 * @param accountId  12-digit AWS account ID
 * @param region     resource region or {@code global}
 * @param resourceId the resource's AWS identifier (unique per sheet, account and region)
 * @param cells      values in the sheet's column order: String, Number (BigDecimal/Long/Integer),
 *                   Boolean, java.time.LocalDate/Instant, or null for empty
 */
public record InventoryRow(String sheet, String accountId, String region, String resourceId, List<Object> cells) {

    public InventoryRow {
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }
}
