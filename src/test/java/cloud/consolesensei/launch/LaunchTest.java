package cloud.consolesensei.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The jar's first check: a working folder the file name encoding cannot hold. How the JVM sees
 * {@code /tmp/Société} started without LANG: the name decoded as ASCII, each byte it cannot read a
 * U+FFFD. The packaged jar itself is run that way by .ci/run.
 */
class LaunchTest {

    @Test
    void aFolderNameTheEncodingCannotHoldNamesLang() {
        assertThat(Launch.problem("/tmp/Soci\uFFFD\uFFFDt\uFFFD\uFFFD", "ANSI_X3.4-1968")).isEqualTo(
                "the working folder /tmp/Soci\uFFFD\uFFFDt\uFFFD\uFFFD has characters that the file name encoding ANSI_X3.4-1968"
                        + " cannot hold: set LANG or LC_ALL to a UTF-8 locale, e.g. LANG=C.UTF-8 java -jar consolesensei.jar ...,"
                        + " or start from another folder");
        assertThat(Launch.problem("/tmp/Société", "ANSI_X3.4-1968")).isNotNull();
    }

    @Test
    void aFolderTheEncodingHoldsIsFine() {
        assertThat(Launch.problem("/tmp/Société", "UTF-8")).isNull();
        assertThat(Launch.problem("/tmp/reports", "ANSI_X3.4-1968")).isNull();
    }
}
