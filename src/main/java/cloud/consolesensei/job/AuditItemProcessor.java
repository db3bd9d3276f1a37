package cloud.consolesensei.job;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.finding.Finding;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Processor of the collect step: runs the enabled checks of the item's source on the resource
 * and makes its inventory row. A check that throws becomes a coverage gap naming the check and
 * resource (class {@code INTERNAL_ERROR} unless the exception is an unreadable AWS answer), and the
 * other checks still run.
 */
public class AuditItemProcessor implements ItemProcessor<CollectedItem, AuditedItem> {

    private final PartitionWork work;
    private final CheckContext checkContext;

    public AuditItemProcessor(PartitionWork work) {
        this.work = work;
        this.checkContext = work.context().checkContext();
    }

    @Override
    public AuditedItem process(CollectedItem item) {
        @SuppressWarnings("unchecked")
        ResourceSource<Object> source = (ResourceSource<Object>) work.sources().get(item.sourceIndex());
        List<Finding> findings = new ArrayList<>();
        for (Check<Object> check : source.checks()) {
            if (!work.run().settings().enabled(check.definition().id())) continue;
            try {
                findings.addAll(check.evaluate(item.resource(), checkContext));
            } catch (RuntimeException e) {
                work.context().failed(source.service(), "check " + check.definition().id(), source.id(), e);
            }
        }
        InventoryRow row = null;
        try {
            row = source.inventoryRow(item.resource(), checkContext);
        } catch (RuntimeException e) {
            work.context().failed(source.service(), "inventory " + source.id(), null, e);
        }
        return new AuditedItem(findings, row);
    }
}
