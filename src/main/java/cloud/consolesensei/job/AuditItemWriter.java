package cloud.consolesensei.job;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.FindingStore;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writer of the collect step: upserts a chunk's findings (by fingerprint, with their lifecycle and
 * active suppressions) and inventory rows. Idempotent, so a restarted chunk writes nothing twice.
 */
public class AuditItemWriter implements ItemWriter<AuditedItem> {

    private final PartitionWork work;
    private final FindingStore findings;
    private final InventoryStore inventory;

    public AuditItemWriter(PartitionWork work, FindingStore findings, InventoryStore inventory) {
        this.work = work;
        this.findings = findings;
        this.inventory = inventory;
    }

    @Override
    public void write(Chunk<? extends AuditedItem> chunk) {
        List<Finding> fs = new ArrayList<>();
        List<InventoryRow> rows = new ArrayList<>();
        for (AuditedItem item : chunk) {
            fs.addAll(item.findings());
            if (item.inventoryRow() != null) rows.add(item.inventoryRow());
        }
        RunRequest r = work.run().request();
        findings.upsert(r.runId(), r.asOf(), work.context().account().name(), fs,
                f -> work.run().suppressions().reasonFor(f, r.asOf()).orElse(null));
        inventory.upsert(r.runId(), rows);
        countFindings(fs.size());
    }

    /** Partition step context key: findings written so far (kept across restarts, for the partition's log line). */
    static final String FINDINGS = "findings.written";

    private static void countFindings(int n) {
        var step = StepSynchronizationManager.getContext();
        if (step == null) return;
        ExecutionContext ec = step.getStepExecution().getExecutionContext();
        ec.putLong(FINDINGS, ec.getLong(FINDINGS, 0L) + n);
    }
}
