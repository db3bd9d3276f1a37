package cloud.consolesensei.job;

import cloud.consolesensei.notify.SummaryNotifier;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the report and notify steps hand on, kept as one value in the job execution context (key
 * {@value #KEY}): the report step's files and workbooks, then the notify step's outcome. The CLI,
 * the execution recorder and the run metrics read it from there. Paths are kept as strings so the
 * value serializes with the execution context.
 *
 * @param reports        files the report step wrote (the run's workbook first, then its CSVs and the
 *                       one-account workbooks the email summaries attach)
 * @param workbooks      report scope ({@code ReportScope.scope()}) to the workbook written for it
 * @param notified       files the notify step wrote ({@code .eml} summaries)
 * @param deliveryFailed true when an email summary could not be delivered (exit 4, or 3 with gaps)
 * @param notifyMessage  the notify step's one-line outcome for the run's output; empty before it
 */
public record RunHandOff(List<String> reports, Map<String, String> workbooks, List<String> notified,
                         boolean deliveryFailed, String notifyMessage) implements Serializable {

    /** Job execution context key. */
    public static final String KEY = "run.hand-off";

    /** Nothing handed on yet. */
    public static final RunHandOff NONE = new RunHandOff(List.of(), Map.of(), List.of(), false, "");

    public RunHandOff {
        reports = List.copyOf(reports);
        workbooks = Map.copyOf(workbooks);
        notified = List.copyOf(notified);
    }

    /** The hand-off stored in {@code ec}, or {@link #NONE} before the report step. */
    public static RunHandOff load(ExecutionContext ec) {
        Object stored = ec.get(KEY);
        return stored instanceof RunHandOff h ? h : NONE;
    }

    /** Stores this hand-off in {@code ec}, replacing the one before. */
    public void store(ExecutionContext ec) {
        ec.put(KEY, this);
    }

    /** This hand-off with the report step's files and the workbook of each scope. */
    public RunHandOff withReports(List<Path> files, Map<String, Path> byScope) {
        Map<String, String> wb = new LinkedHashMap<>();
        byScope.forEach((scope, path) -> wb.put(scope, path.toString()));
        return new RunHandOff(strings(files), wb, notified, deliveryFailed, notifyMessage);
    }

    /** This hand-off with the notify step's outcome. */
    public RunHandOff withNotify(SummaryNotifier.Outcome o) {
        return new RunHandOff(reports, workbooks, strings(o.written()), o.deliveryFailed(), o.message());
    }

    /** The workbook of each report scope, as paths. */
    public Map<String, Path> workbookPaths() {
        Map<String, Path> out = new LinkedHashMap<>();
        workbooks.forEach((scope, path) -> out.put(scope, Path.of(path)));
        return out;
    }

    /** Every file the run wrote: the report step's, then the notify step's. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        reports.forEach(p -> out.add(Path.of(p)));
        notified.forEach(p -> out.add(Path.of(p)));
        return out;
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }
}
