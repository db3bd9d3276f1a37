package cloud.consolesensei.launch;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;

/**
 * The jar's {@code Main-Class}, ahead of Spring Boot's {@code JarLauncher}: a working folder whose
 * name the JVM's file name encoding cannot hold (a non-ASCII folder such as {@code /srv/Société}
 * started without {@code LANG}/{@code LC_ALL}, so the encoding is ASCII) makes the JDK's
 * {@code java.io.FilePermission} fail to initialise inside the loader, a stack trace before any of
 * this program runs. Nothing in the process can change that encoding once started
 * ({@code sun.jnu.encoding} is read-only), so it says so in one line and exits 2.
 * <p>
 * It also sets how HotSpot compiles a short-lived command ({@link ShortRunCompilation}), before the loader
 * and Spring start.
 * <p>
 * Copied to the jar's root by the build (pom.xml, {@code launch-class}) with the rest of this package; it
 * uses nothing but the JDK.
 */
public final class Launch {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private Launch() {
    }

    public static void main(String[] args) throws Throwable {
        String problem = problem(System.getProperty("user.dir", ""), System.getProperty("sun.jnu.encoding", ""));
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(2);
        }
        ShortRunCompilation.applyFor(args);
        try {
            Class.forName(BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Why the JVM cannot run in {@code folder} with file name encoding {@code encoding}, or null.
     * A name decoded with the wrong encoding holds U+FFFD replacement characters, which the
     * encoding then cannot encode back.
     */
    static String problem(String folder, String encoding) {
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (RuntimeException e) {
            return null; // unknown to this JDK: let the JVM itself judge
        }
        if (folder.indexOf('\uFFFD') < 0 && cs.newEncoder().canEncode(folder)) return null;
        return "the working folder " + folder + " has characters that the file name encoding " + encoding
                + " cannot hold: set LANG or LC_ALL to a UTF-8 locale, e.g. LANG=C.UTF-8 java -jar consolesensei.jar ...,"
                + " or start from another folder";
    }
}
