package cloud.consolesensei.job;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Scans what a run printed (stdout, and stderr where the logs go) and every file it wrote (CSV,
 * .eml, and each XML part of the .xlsx, unzipped) for secret values.
 */
final class Secrets {

    private Secrets() {
    }

    static void assertNoneIn(Cli.Result run, Path dir, List<String> secrets) throws IOException {
        // the scan must have something to scan: debug logs of the SDK's requests and the reports
        assertThat(run.err().contains("awssdk.request - Sending Request")).as("SDK request debug logging captured").isTrue();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("reports"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        // the .eml too, once a notifier writes one (every file under the reports folder is scanned)
        assertThat(files.stream().map(p -> p.getFileName().toString().replaceAll(".*\\.", "")))
                .contains("xlsx", "csv");
        List<String> texts = new ArrayList<>(List.of(run.out(), run.err()));
        for (Path f : files) {
            if (f.toString().endsWith(".xlsx")) texts.addAll(unzipped(f));
            else texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        for (String secret : secrets) {
            for (String t : texts) {
                int at = t.indexOf(secret);
                assertThat(at).as("secret %s found in: ...%s...", secret,
                        at < 0 ? "" : t.substring(Math.max(0, at - 200), Math.min(t.length(), at + 100))).isNegative();
            }
        }
    }

    private static List<String> unzipped(Path xlsx) throws IOException {
        List<String> parts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(parts).as("xlsx parts").hasSizeGreaterThan(3);
        return parts;
    }
}
