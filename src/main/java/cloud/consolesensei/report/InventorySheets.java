package cloud.consolesensei.report;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.stereotype.Component;

/**
 * One inventory sheet per resource kind the modules declare (EC2 Instances, EBS Volumes, ...),
 * with leading Account ID and Region columns, streamed from the inventory store.
 */
@Component
public class InventorySheets {

    private final List<ServiceModule> modules;
    private final InventoryStore store;

    public InventorySheets(List<ServiceModule> modules, InventoryStore store) {
        this.modules = modules;
        this.store = store;
    }

    /** The declared sheets, in module order, each once. */
    public List<InventorySheet> sheets() {
        Map<String, InventorySheet> m = new LinkedHashMap<>();
        modules.stream().sorted(Comparator.comparingInt(ServiceModule::order))
                .flatMap(mod -> mod.sources().stream())
                .map(ResourceSource::sheet)
                .filter(s -> s != null)
                .forEach(s -> m.putIfAbsent(s.name(), s));
        return new ArrayList<>(m.values());
    }

    /**
     * Writes every inventory sheet. Rows are decoded from the store on the calling thread and built
     * into the sheet on a second one ({@link HandOff}), as the Findings sheet's are.
     */
    public void write(ReportWorkbook wb, ReportScope scope) {
        for (InventorySheet def : sheets()) {
            SXSSFSheet sheet = wb.sheet(def.name());
            List<String> headers = new ArrayList<>(List.of("Account ID", "Region"));
            def.columns().forEach(c -> headers.add(c.header()));
            wb.header(sheet, 0, headers);
            int[] row = {1};
            try (HandOff<InventoryRow> rows = new HandOff<>("inventory-sheet", inv -> {
                Row r = sheet.createRow(row[0]++);
                wb.term(r, 0, inv.accountId());
                wb.term(r, 1, inv.region());
                for (int i = 0; i < def.columns().size() && i < inv.cells().size(); i++) {
                    wb.set(r, i + 2, inv.cells().get(i), def.columns().get(i).kind() == InventorySheet.Kind.USD);
                }
            })) {
                store.forEach(scope.runId(), def.name(), scope.accountIds(), rows);
                rows.finish();
            }
            wb.autoFilter(sheet, 0, row[0] - 1, headers.size());
            int[] widths = new int[headers.size()];
            Arrays.fill(widths, 18);
            widths[0] = 14;
            wb.widths(sheet, widths);
        }
    }
}
