package cloud.consolesensei.launch;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

/**
 * A JVM of its own for {@link ShortRunCompilationTest}: applies {@link ShortRunCompilation} to its
 * arguments (and with a last argument {@code --then-restore}, {@link ShortRunCompilation#restoreC2} twice), then
 * prints {@code added=<true|false>} and HotSpot's own listing of its compiler directives
 * ({@code Compiler.directives_print}).
 */
public final class ShortRunCompilationProbe {

    private ShortRunCompilationProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean restore = args.length > 0 && args[args.length - 1].equals("--then-restore");
        System.out.println("added=" + ShortRunCompilation.applyFor(args));
        if (restore) System.out.println("restored=" + ShortRunCompilation.restoreC2() + " again=" + ShortRunCompilation.restoreC2());
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
