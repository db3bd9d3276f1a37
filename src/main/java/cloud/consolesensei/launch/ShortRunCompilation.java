package cloud.consolesensei.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * How HotSpot compiles a short-lived command (every one but {@code serve} and {@code worker}: {@code run},
 * {@code restart}, {@code doctor}, {@code runs}, {@code --help}, {@code --version}):
 * with its C1 compiler only, never C2. A {@code run} lives one to a few minutes and runs a great deal of
 * distinct code (the AWS SDK, H2, Spring Batch, the checks, POI) a few thousand times each; C2 spends
 * its CPU on optimising that code and the run ends before the faster code pays it back. Measured on the
 * reference estate (docs/benchmark.md, 5 accounts, 7,612 AWS calls): the C2 compiler threads alone used
 * 35.5 of the audited JVM's 110 CPU-seconds, the C1 ones 7.8; compiling with C1 only brought the whole
 * run to 81-88 CPU-seconds at the same wall time.
 * <p>
 * The JVM's flags cannot be changed once it runs, and the CONTRACT starts the product with a bare
 * {@code java -jar}; what a running HotSpot does accept is a compiler directive (JEP 165, the
 * {@code Compiler.directives_add} diagnostic command, here through its platform MBean). The directive
 * {@code [{match: "*.*", c2: {Exclude: true}}]} makes HotSpot's tiered policy compile each hot method
 * with C1 at full optimisation instead of handing it to C2.
 * <p>
 * It is left out, and the JVM compiles as it was told, when:
 * <ul>
 *   <li>the command lives for days ({@code serve}, {@code worker}): C2's code repays it over many runs;</li>
 *   <li>the user chose the JIT with any of {@link #USER_JIT_FLAGS} (for instance
 *       {@code -XX:TieredStopAtLevel=4} keeps C2 for a {@code run}), or the JVM is not tiered;</li>
 *   <li>the JVM is not HotSpot, or refuses the directive: nothing changes and the command runs as usual.</li>
 * </ul>
 * Uses nothing but the JDK: it runs from {@link Launch}, before Spring Boot's loader.
 */
public final class ShortRunCompilation {

    /** Commands that live for days: C2's faster code repays its compile time over many runs. */
    static final Set<String> LONG_LIVED = Set.of("serve", "worker");

    /**
     * HotSpot flags by which a user chooses how the JVM compiles; any of them set on the command line,
     * in {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS} or a flags file leaves the JIT as given.
     */
    static final List<String> USER_JIT_FLAGS = List.of("TieredCompilation", "TieredStopAtLevel", "CompilerDirectivesFile",
            "CompileCommand", "CompileCommandFile", "CompileThresholdScaling", "UseCompiler", "UseJVMCICompiler");

    /** Every method: no C2 compile (the tiered policy then compiles it with C1 at full optimisation). */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    /**
     * Partitions from which a run's collect step repays C2, judged before the first partition runs: about
     * four times the reference estate's 20 (5 accounts x 3 regions, plus a global partition each). There
     * C1 saved 17-20 CPU-seconds of the collect step's 66-69; C2's compile time is a one-off while its faster
     * code saves in proportion to the estate (docs/benchmark.md).
     */
    public static final int LONG_RUN_PARTITIONS = 80;

    /**
     * Findings from which writing a report repays C2: the 1,000,000-finding report took 54 s with C1 only
     * and 30 s with C2; the reference run's 45,720 took 18.6 CPU-seconds of report step with C1, 20-26 with C2.
     */
    public static final int LONG_REPORT_FINDINGS = 200_000;

    /** Whether this JVM runs under {@link #DIRECTIVE}, added by {@link #applyFor} and not yet restored. */
    private static final AtomicBoolean ACTIVE = new AtomicBoolean();

    private ShortRunCompilation() {
    }

    /**
     * Adds the C1-only directive when {@code args} (the command line after {@code java -jar ...jar}) name a
     * short-lived command and the user has not chosen the JIT. Never throws: a JVM that refuses it runs as
     * usual.
     *
     * @return true when the directive was added
     */
    public static boolean applyFor(String[] args) {
        try {
            if (!shortLived(args)) return false;
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot == null || userChoseJit(name -> option(hotspot, name))) return false;
            boolean added = addDirective();
            ACTIVE.set(added);
            return added;
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or management left out of the runtime image
        }
    }

    /**
     * Gives C2 back for the rest of this JVM's life, for a run that turns out long: many partitions, or
     * a large report, where C2's faster code repays its compile time many times over (the 1,000,000-finding
     * report took 54 s with C1 only, 30 s with C2). Methods C1 has already settled for good (those that
     * were due for C2 while the directive held) stay C1; what runs from here on compiles as HotSpot
     * does by default. Never throws.
     *
     * @return true when the directive was in force and is now removed; false when it never was (a
     *         long-lived command, the user's own JIT flags, a JVM that refused it) or is already gone
     */
    public static boolean restoreC2() {
        if (!ACTIVE.compareAndSet(true, false)) return false;
        try {
            // the top of HotSpot's directive stack: nothing else in the process adds directives
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND), "compilerDirectivesRemove",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return true;
        } catch (JMException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether this JVM compiles without C2 now ({@link #applyFor} added the directive, not yet restored). */
    public static boolean active() {
        return ACTIVE.get();
    }

    /** True unless the command ({@code args}' first word that is not an option) is one of {@link #LONG_LIVED}. */
    static boolean shortLived(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) return !LONG_LIVED.contains(a);
        }
        return true; // --help, --version
    }

    /**
     * True when the JIT is the user's choice or not tiered: one of {@link #USER_JIT_FLAGS} was set other than by
     * default or ergonomics, or tiered compilation or the compiler is off, or C2 is not the last tier.
     *
     * @param options a flag's current value and origin by name, or null when this JVM has no such flag
     */
    static boolean userChoseJit(Function<String, VMOption> options) {
        for (String flag : USER_JIT_FLAGS) {
            VMOption o = options.apply(flag);
            if (o != null && o.getOrigin() != VMOption.Origin.DEFAULT && o.getOrigin() != VMOption.Origin.ERGONOMIC) return true;
        }
        VMOption tiered = options.apply("TieredCompilation");
        VMOption stop = options.apply("TieredStopAtLevel");
        return tiered == null || !"true".equals(tiered.getValue()) || stop == null || !"4".equals(stop.getValue());
    }

    private static VMOption option(HotSpotDiagnosticMXBean hotspot, String name) {
        try {
            return hotspot.getVMOption(name);
        } catch (IllegalArgumentException e) {
            return null; // no such flag in this JVM
        }
    }

    /** Adds {@link #DIRECTIVE} through the diagnostic command MBean; true when HotSpot took it. */
    static boolean addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("consolesensei-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object out = server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            // "1 compiler directives added"; a refused file says "Parsing of compiler directives failed"
            return out != null && out.toString().strip().startsWith("1 compiler directives added");
        } catch (IOException | JMException e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file of a few bytes left behind is no reason to stop
                }
            }
        }
    }
}
