package cloud.consolesensei.web;

import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.report.ReportFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Serves a run's report files: only a file the execution itself recorded ({@link ReportFiles}), by
 * its exact file name, and only while it lies inside the run's reports folder. Any other name, in
 * whatever encoding, is 404 (no name is ever turned into a path); a file a later run of the same
 * scope replaced, or retention deleted, is 410.
 */
@ConditionalOnServe
@Service
public class ReportDownloads {

    /** The workbook's media type (ECMA-376, as registered with IANA). */
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** CSV (RFC 4180, UTF-8). */
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    /** An email as sent (RFC 5322). */
    static final MediaType EML = MediaType.parseMediaType("message/rfc822");

    private final ReportFiles files;
    private final RunViews views;

    public ReportDownloads(ReportFiles files, RunViews views) {
        this.files = files;
        this.views = views;
    }

    /**
     * The file {@code name} of execution {@code executionId} as an attachment.
     *
     * @throws ApiProblem 404 for a name that is not one of its files, 410 for one no longer its own
     */
    public ResponseEntity<Resource> download(long executionId, String name) {
        RunRequest request = views.request(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
        ReportFiles.ReportFile f = files.find(executionId, name)
                .orElseThrow(() -> ApiProblem.notFound("job execution " + executionId + " wrote no file named that"));
        switch (f.state()) {
            case REPLACED -> throw ApiProblem.gone(name + " was replaced by a later run of the same scope");
            case DELETED -> throw ApiProblem.gone(name + " was deleted (retention)");
            case OWN -> { }
        }
        Path file;
        try {
            file = f.path().toRealPath();
            Path folder = request.reportsDir().toAbsolutePath().toRealPath();
            if (!file.startsWith(folder) || !file.getFileName().toString().equals(name)) {
                throw ApiProblem.notFound("job execution " + executionId + " wrote no file named that");
            }
        } catch (IOException e) {
            throw ApiProblem.gone(name + " was deleted (retention)");
        }
        return ResponseEntity.ok()
                .contentType(mediaType(name))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name)
                        .build().toString())
                .body(new FileSystemResource(file));
    }

    /** The media type of a report file, by its extension. */
    static MediaType mediaType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx")) return XLSX;
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".eml")) return EML;
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
