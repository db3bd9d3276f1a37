package cloud.consolesensei.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Gives this process its own folder for the spreadsheet library's temporary files (the streaming
 * workbook's per-sheet files). POI's default is one folder shared by every process of the host,
 * {@code <java.io.tmpdir>/poifiles}, created by the first user that writes a workbook and then
 * unwritable for every other OS user: a second user on the same host could never write reports.
 *
 * <p>The folder is {@code <java.io.tmpdir>/consolesensei-poi-<random>}, created by
 * {@link Files#createTempDirectory} (on POSIX file systems owner-only, {@code rwx------}), and
 * deleted with what is left in it when the JVM exits.
 */
public final class PoiTempFolder {

    /** Name prefix of the folder under {@code java.io.tmpdir}. */
    public static final String PREFIX = "consolesensei-poi-";

    private static volatile Path folder;

    private PoiTempFolder() {
    }

    /**
     * Installs the process's folder as POI's temp-file strategy, once per JVM; later calls return
     * the same folder.
     *
     * @return the folder
     * @throws UncheckedIOException when {@code java.io.tmpdir} is not a writable folder (the message
     *                              names it)
     */
    public static Path install() {
        Path f = folder;
        if (f != null) return f;
        synchronized (PoiTempFolder.class) {
            if (folder != null) return folder;
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try {
                f = Files.createTempDirectory(tmp, PREFIX);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder for the workbooks under " + tmp
                        + " (java.io.tmpdir): " + e.getMessage() + "; make it writable or start java with"
                        + " -Djava.io.tmpdir=<a writable folder>", e);
            }
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(f.toFile()));
            Path created = f;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "poi-temp-cleanup"));
            folder = f;
            return f;
        }
    }

    /** Deletes the folder and what a killed workbook left in it; best effort at JVM exit. */
    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the JVM is exiting: a file still open elsewhere stays in the temp folder
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }
}
