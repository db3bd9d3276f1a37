package cloud.consolesensei.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts the application: the command line in-process ({@link Cli}), a Spring Boot
 * test context, or child JVMs ({@link ChildJvm}). Tagged {@code job}: Surefire runs these in an
 * execution of their own, after the unit and wire tests (pom.xml), so a plain mistake fails in
 * seconds rather than after the slow part.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("job")
public @interface JobTest {
}
