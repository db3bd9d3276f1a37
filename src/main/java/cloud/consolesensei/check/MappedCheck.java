package cloud.consolesensei.check;

import cloud.consolesensei.finding.Finding;

import java.util.List;
import java.util.function.Function;

/**
 * A check of a part of a resource applied to the whole: lets a source hand its checks a view
 * record (e.g. a volume with its usage figures) while a check that needs only the SDK model object
 * keeps taking that.
 *
 * @param part  what the check reads out of the resource
 * @param check the check
 * @param <S>   the source's resource type
 * @param <R>   the check's resource type
 */
public record MappedCheck<S, R>(Function<S, R> part, Check<R> check) implements Check<S> {

    @Override
    public CheckDefinition definition() {
        return check.definition();
    }

    @Override
    public List<Finding> evaluate(S resource, CheckContext context) {
        return check.evaluate(part.apply(resource), context);
    }
}
