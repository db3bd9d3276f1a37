package cloud.consolesensei.launch;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.ChildJvm;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;

import org.junit.jupiter.api.Test;

/**
 * Which commands compile with C1 only, when the user's own JIT flags win, and that a real HotSpot takes
 * the directive: {@link ShortRunCompilationProbe} in a child JVM, read back with
 * {@code Compiler.directives_print}. (Its effect on CPU is measured by the benchmark, docs/benchmark.md.)
 */
class ShortRunCompilationTest {

    @Test
    void shortLivedCommandsAreEveryOneButServeAndWorker() {
        for (String c : List.of("run", "restart", "doctor", "runs")) {
            assertThat(ShortRunCompilation.shortLived(new String[] {c, "--config", "a.yml"})).as(c).isTrue();
        }
        assertThat(ShortRunCompilation.shortLived(new String[] {"--version"})).isTrue();
        assertThat(ShortRunCompilation.shortLived(new String[0])).isTrue();
        assertThat(ShortRunCompilation.shortLived(new String[] {"serve", "--demo"})).isFalse();
        assertThat(ShortRunCompilation.shortLived(new String[] {"--spring.profiles.active=x", "worker"})).isFalse();
    }

    @Test
    void aDefaultTieredJvmIsNotTheUsersChoice() {
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of()))).isFalse();
    }

    @Test
    void anyJitFlagTheUserSetWinsWhateverItsValue() {
        // -XX:TieredStopAtLevel=4 has the default's value, yet says "keep C2"
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of("TieredStopAtLevel",
                new VMOption("TieredStopAtLevel", "4", true, Origin.VM_CREATION))))).isTrue();
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of("CompileCommand",
                new VMOption("CompileCommand", "exclude,*.foo", false, Origin.ENVIRON_VAR))))).isTrue();
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of("TieredCompilation",
                new VMOption("TieredCompilation", "false", false, Origin.CONFIG_FILE))))).isTrue();
    }

    @Test
    void aJvmThatIsNotTieredToC2IsLeftAlone() {
        // without tiers, excluding C2 would leave every method interpreted
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of("TieredCompilation",
                new VMOption("TieredCompilation", "false", false, Origin.ERGONOMIC))))).isTrue();
        assertThat(ShortRunCompilation.userChoseJit(tiered(Map.of("TieredStopAtLevel",
                new VMOption("TieredStopAtLevel", "1", true, Origin.ERGONOMIC))))).isTrue();
        assertThat(ShortRunCompilation.userChoseJit(name -> null)).isTrue();
    }

    @Test
    void hotspotTakesTheDirectiveForARun() throws Exception {
        String out = probe(List.of(), "run", "--config", "audit.yml");
        assertThat(out).contains("added=true");
        assertThat(c2Directives(out)).contains("Exclude:true");
    }

    @Test
    void aRunThatTurnsOutLongGetsC2BackOnce() throws Exception {
        String out = probe(List.of(), "run", "--then-restore");
        assertThat(out).contains("added=true", "restored=true again=false");
        assertThat(directives(out)).isEqualTo(1);
        assertThat(c2Directives(out)).contains("Exclude:false").doesNotContain("Exclude:true");
    }

    @Test
    void restoringWhereNothingWasAddedChangesNothing() throws Exception {
        String out = probe(List.of(), "serve", "--then-restore");
        assertThat(out).contains("added=false", "restored=false again=false");
        assertThat(directives(out)).isEqualTo(1);
    }

    @Test
    void serveAndTheUsersOwnFlagsKeepC2() throws Exception {
        for (String out : List.of(probe(List.of(), "serve"), probe(List.of("-XX:TieredStopAtLevel=4"), "run"))) {
            assertThat(out).contains("added=false");
            assertThat(c2Directives(out)).contains("Exclude:false").doesNotContain("Exclude:true");
        }
    }

    /** A tiered JVM's flags at their defaults, except {@code set}. */
    private static java.util.function.Function<String, VMOption> tiered(Map<String, VMOption> set) {
        return name -> set.getOrDefault(name, switch (name) {
            case "TieredCompilation" -> new VMOption(name, "true", false, Origin.DEFAULT);
            case "TieredStopAtLevel" -> new VMOption(name, "4", true, Origin.DEFAULT);
            default -> new VMOption(name, "", false, Origin.DEFAULT);
        });
    }

    /** How many directives HotSpot lists (its default one included). */
    private static long directives(String out) {
        return out.lines().filter(l -> l.startsWith("Directive:")).count();
    }

    /** The C2 part of a {@code Compiler.directives_print} listing: from "c2" to the end. */
    private static String c2Directives(String out) {
        int at = out.indexOf("c2 directives");
        assertThat(at).as("a c2 section in:\n" + out).isNotNegative();
        return out.substring(at);
    }

    private static String probe(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        ChildJvm.Ended end = ChildJvm.run(jvmFlags, ShortRunCompilationProbe.class, args);
        assertThat(end.exitCode()).as(end.output()).isZero();
        return end.output();
    }
}
