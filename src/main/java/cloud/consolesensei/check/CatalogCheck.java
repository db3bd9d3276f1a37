package cloud.consolesensei.check;

import cloud.consolesensei.finding.Finding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The shared shape of a catalog check: it holds its {@link CheckDefinition} and builds its findings and
 * reads its settings through it, so a check states only its catalog entry and its rule.
 *
 * @param <R> the resource type the check reads
 */
public abstract class CatalogCheck<R> implements Check<R> {

    private final CheckDefinition definition;

    /** @param definition the check's catalog entry (not null) */
    protected CatalogCheck(CheckDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    @Override
    public final CheckDefinition definition() {
        return definition;
    }

    /** Starts this check's finding about {@code resourceId} in the context's account and region. */
    protected final CheckContext.FindingBuilder finding(CheckContext ctx, String resourceId) {
        return ctx.finding(definition, resourceId);
    }

    /** This check's one finding about {@code resourceId} with {@code detail} and no cost. */
    protected final List<Finding> one(CheckContext ctx, String resourceId, String detail) {
        return List.of(finding(ctx, resourceId).detail(detail).build());
    }

    /** This check's integer setting {@code name} (a {@link SettingSpec#integer} of its definition). */
    protected final int integer(CheckContext ctx, String name) {
        return ctx.settings().integer(definition.id(), name);
    }

    /** This check's decimal setting {@code name} (a {@link SettingSpec#decimal} of its definition). */
    protected final BigDecimal decimal(CheckContext ctx, String name) {
        return ctx.settings().decimal(definition.id(), name);
    }

    /** This check's list setting {@code name}. */
    protected final List<String> list(CheckContext ctx, String name) {
        return ctx.settings().list(definition.id(), name);
    }
}
