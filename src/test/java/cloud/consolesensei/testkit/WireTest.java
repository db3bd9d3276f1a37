package cloud.consolesensei.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the real AWS SDK against WireMock on loopback ({@link AwsWire}), without the
 * application: one source or client at a time. Tagged {@code wire}; runs with the unit tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("wire")
public @interface WireTest {
}
