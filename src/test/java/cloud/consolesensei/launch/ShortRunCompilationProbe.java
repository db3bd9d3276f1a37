package cloud.consolesensei.launch;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

/**
 * A JVM of its own for {@link ShortRunCompilationTest}: applies {@link ShortRunCompilation} to its
 * arguments, then prints {@code added=<true|false>} and HotSpot's own listing of its compiler
 * directives ({@code Compiler.directives_print}).
 */
public final class ShortRunCompilationProbe {

    private ShortRunCompilationProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("added=" + ShortRunCompilation.applyFor(args));
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }
}
