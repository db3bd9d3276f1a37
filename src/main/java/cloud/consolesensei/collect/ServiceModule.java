package cloud.consolesensei.collect;

import cloud.consolesensei.check.CheckDefinition;

import java.util.List;

/**
 * A capability package's registration: its sources (in reading order) and catalog entries.
 * Each package (ec2, ebs, autoscaling, s3, iam, cost) declares one Spring bean of this type;
 * adding a service means adding a package with one of these, nothing else.
 * <p>
 * Modules are built before the database is migrated (configuration is validated against their
 * catalog first): a module that needs a repository injects it {@code @Lazy}.
 */
public interface ServiceModule {

    /** Orders modules in the job and the workbook; lower first. */
    int order();

    /** The package's resource sources. */
    List<ResourceSource<?>> sources();

    /** Catalog entries of every check the module owns (for config validation, doctor, reports). */
    default List<CheckDefinition> definitions() {
        return sources().stream().flatMap(s -> s.checks().stream()).map(c -> c.definition()).distinct().toList();
    }
}
