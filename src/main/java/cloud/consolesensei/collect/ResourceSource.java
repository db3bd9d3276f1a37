package cloud.consolesensei.collect;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;

import java.util.List;
import java.util.stream.Stream;

/**
 * One kind of resource the audit reads, with the checks that judge it: the unit the audit job's
 * item reader streams (README, "Design", "reader = AWS SDK v2 paginator over one API").
 * <p>
 * {@link #read(ReadContext)} returns a lazy stream that pulls pages from an SDK paginator as it
 * is consumed, so memory does not grow with the estate. It should obtain every AWS call through
 * {@link ReadContext#stream} or {@link ReadContext#call}, which turn failures into coverage gaps.
 *
 * @param <R> resource type handed to the checks (an SDK model object or a view record around one)
 */
public interface ResourceSource<R> {

    /** Stable id, e.g. {@code ebs.volumes}; part of the restart state of a job execution. */
    String id();

    /**
     * AWS SDK service id of the source's main API ({@code ec2}, {@code s3}, {@code iam}, ...), used for a
     * coverage gap when the stream itself fails; defaults to the part of {@link #id()} before the dot.
     */
    default String service() {
        String p = id().substring(0, Math.max(0, id().indexOf('.')));
        return p.equals("ebs") ? "ec2" : p.equals("asg") ? "autoscaling" : p.equals("cost") ? "ce" : p;
    }

    /** Whether the source is read once per audited region or once per account ({@code global}). */
    Scope scope();

    /** Streams the resources of one account (and region, for regional sources). */
    Stream<R> read(ReadContext context);

    /** The checks that judge each resource. */
    List<Check<R>> checks();

    /** The inventory sheet this source fills, or {@code null} if none. */
    InventorySheet sheet();

    /**
     * The resource's inventory row, or {@code null} to add none (e.g. account-level items).
     * Called with the same context the checks get.
     */
    InventoryRow inventoryRow(R resource, CheckContext context);

    /** Per-region or once per account. */
    enum Scope { REGIONAL, GLOBAL }
}
