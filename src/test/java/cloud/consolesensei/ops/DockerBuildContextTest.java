package cloud.consolesensei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The image build sends Docker only what the Dockerfile copies: {@code .dockerignore} excludes
 * everything, then lets back in exactly the sources of the Dockerfile's {@code COPY}s, so local
 * databases ({@code data/}), reports, build output and git history never reach the build context.
 */
class DockerBuildContextTest {

    @Test
    void theBuildContextHoldsWhatTheDockerfileCopiesAndNothingElse() throws Exception {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).isEqualTo("**");
        List<String> allowed = ignore.stream().filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();

        List<String> copied = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(Files.readString(Path.of("docker/Dockerfile")));
        while (m.find()) {
            List<String> words = List.of(m.group(1).trim().split("\\s+"));
            copied.addAll(words.subList(0, words.size() - 1)); // the last word is the destination
        }
        assertThat(copied).isNotEmpty();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(copied);
        assertThat(ignore).contains("**/target/");
    }
}
