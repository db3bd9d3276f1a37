package cloud.consolesensei.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version Maven wrote into the packaged jar's manifest
 * ({@code Implementation-Version}, set by Spring Boot's parent POM), so the jar never claims a
 * version other than the one it was built as; {@code development build} when run from classes.
 */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[]{"ConsoleSensei Cloud " + (v == null ? "(development build)" : v)};
    }
}
