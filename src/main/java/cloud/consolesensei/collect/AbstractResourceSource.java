package cloud.consolesensei.collect;

import cloud.consolesensei.check.Check;

import java.util.List;
import java.util.Objects;

/**
 * The declared part of a {@link ResourceSource}: its id, scope, inventory sheet and checks, given once to
 * the constructor, so a source writes only how it reads ({@link #read}) and its inventory row.
 *
 * @param <R> resource type handed to the checks
 */
public abstract class AbstractResourceSource<R> implements ResourceSource<R> {

    private final String id;
    private final Scope scope;
    private final InventorySheet sheet;
    private final List<Check<R>> checks;

    /**
     * @param id     stable id, e.g. {@code ebs.volumes} ({@link ResourceSource#id()})
     * @param scope  read per region or once per account
     * @param sheet  the inventory sheet the source fills, or {@code null} for none
     * @param checks the checks that judge each resource
     */
    protected AbstractResourceSource(String id, Scope scope, InventorySheet sheet, List<Check<R>> checks) {
        this.id = Objects.requireNonNull(id, "id");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.sheet = sheet;
        this.checks = List.copyOf(checks);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Scope scope() {
        return scope;
    }

    @Override
    public final InventorySheet sheet() {
        return sheet;
    }

    @Override
    public final List<Check<R>> checks() {
        return checks;
    }
}
