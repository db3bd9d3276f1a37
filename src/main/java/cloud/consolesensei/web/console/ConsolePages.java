package cloud.consolesensei.web.console;

import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.FindingSearch;
import cloud.consolesensei.finding.FindingStatus;
import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.finding.StoredFinding;
import cloud.consolesensei.report.CsvReports;
import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.ReportDownloads;
import cloud.consolesensei.web.RunLauncher;
import cloud.consolesensei.web.RunView;
import cloud.consolesensei.web.RunViews;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web console's pages about runs (server-rendered with Thymeleaf; htmx refreshes a running
 * execution's status in place): {@code /} the runs, {@code /runs/{id}} one run with its per-account
 * summary, filtered and paged findings, coverage gaps and downloads, the filtered findings as CSV,
 * and the ADMIN actions restart and stop (POST with the CSRF token; roles enforced by the security
 * configuration, whatever the page shows).
 */
@ConditionalOnServe
@Controller
public class ConsolePages {

    /** Findings per page. */
    static final int PAGE = 50;

    private final RunViews views;
    private final RunLauncher launcher;
    private final RunHistory history;
    private final FindingSearch search;
    private final CoverageStore coverage;
    private final ReportDownloads downloads;
    private final CsvReports csv;

    public ConsolePages(RunViews views, RunLauncher launcher, RunHistory history, FindingSearch search,
                        CoverageStore coverage, ReportDownloads downloads, CsvReports csv) {
        this.views = views;
        this.launcher = launcher;
        this.history = history;
        this.search = search;
        this.coverage = coverage;
        this.downloads = downloads;
        this.csv = csv;
    }


    /** {@code /}: the latest runs, 50 a page ({@code before} pages back). */
    @GetMapping("/")
    public String runs(@RequestParam(required = false) Long before, Model model) {
        List<RunView> runs = views.list(PAGE, before);
        model.addAttribute("runs", runs);
        model.addAttribute("older", runs.size() == PAGE ? runs.get(runs.size() - 1).executionId() : null);
        model.addAttribute("severities", Severity.values());
        return "runs";
    }

    /** The status cell of one execution, polled by htmx while it runs. */
    @GetMapping("/runs/{executionId}/status")
    public String status(@PathVariable long executionId, Model model) {
        model.addAttribute("run", views.get(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId)));
        return "fragments :: status";
    }

    /** {@code /runs/{id}}: one run. */
    @GetMapping("/runs/{executionId}")
    public String run(@PathVariable long executionId, @ModelAttribute("filter") Filter filter,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0) {
            // beyond the last page shows the last (findings come and go with the filter); below the first is a mistake
            throw ApiProblem.badRequest("page: '" + page + "' is not allowed; use a whole number from 0");
        }
        RunView run = views.get(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
        model.addAttribute("run", run);
        List<String> accounts = run.accounts() == null ? List.of() : run.accounts();
        model.addAttribute("perAccount", run.running() ? Map.of() : history.countsByAccount(run.runId(), accounts));
        FindingSearch.Filter f = filter.toSearch();
        long total = search.count(run.runId(), f);
        int last = (int) Math.max(0, (total - 1) / PAGE);
        int p = Math.max(0, Math.min(page, last));
        List<StoredFinding> findings = search.page(run.runId(), f, (long) p * PAGE, PAGE);
        model.addAttribute("findings", findings);
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("lastPage", last);
        model.addAttribute("query", filter.query());
        model.addAttribute("services", search.services(run.runId()));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", FindingStatus.values());
        List<CoverageGap> gaps = new ArrayList<>();
        coverage.forEach(run.runId(), accounts, gaps::add);
        model.addAttribute("gaps", gaps);
        return "run";
    }

    /** The filtered findings of a run as CSV (the run's findings CSV columns), streamed. */
    @GetMapping("/runs/{executionId}/findings.csv")
    public void findingsCsv(@PathVariable long executionId, @ModelAttribute("filter") Filter filter,
                            HttpServletResponse response) throws IOException {
        RunView run = views.get(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("findings-" + run.scope() + "-" + run.asOf() + "-filtered.csv", StandardCharsets.UTF_8).build().toString());
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // Excel reads a CSV as UTF-8 only after a byte order mark (README)
        try (CsvReports.FindingsCsv rows = csv.open(out)) {
            search.forEach(run.runId(), filter.toSearch(), rows);
        }
    }

    /** One of the run's files, for the signed-in user (as {@code /api/runs/{id}/reports/{name}}). */
    @GetMapping("/runs/{executionId}/reports/{name}")
    public ResponseEntity<Resource> report(@PathVariable long executionId, @PathVariable String name) {
        return downloads.download(executionId, name);
    }

    /** ADMIN: restart a failed or stopped execution; shows the new execution. */
    @PostMapping("/runs/{executionId}/restart")
    public String restart(@PathVariable long executionId, Authentication who) {
        return "redirect:/runs/" + launcher.restart(executionId, who).executionId();
    }

    /** ADMIN: stop a running execution at its next chunk. */
    @PostMapping("/runs/{executionId}/stop")
    public String stop(@PathVariable long executionId, Authentication who) {
        launcher.stop(executionId, who);
        return "redirect:/runs/" + executionId;
    }

    /**
     * The findings filter of the run page (query parameters; blank: any).
     *
     * @param account  account ID
     * @param region   region, or global
     * @param service  service ({@code ec2}, ...)
     * @param check    check id
     * @param severity CRITICAL .. INFO
     * @param status   NEW, OPEN, SUPPRESSED or RESOLVED (blank: all but RESOLVED)
     */
    public record Filter(String account, String region, String service, String check, String severity, String status) {

        FindingSearch.Filter toSearch() {
            return new FindingSearch.Filter(account, region, service, check, parse(Severity.class, "severity", severity),
                    parse(FindingStatus.class, "status", status));
        }

        /** The filter as a query string (for paging and the CSV link), without a leading {@code &}. */
        String query() {
            StringBuilder q = new StringBuilder();
            add(q, "account", account);
            add(q, "region", region);
            add(q, "service", service);
            add(q, "check", check);
            add(q, "severity", severity);
            add(q, "status", status);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value == null || value.isBlank()) return;
            if (!q.isEmpty()) q.append('&');
            q.append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
            if (value == null || value.isBlank()) return null;
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(name + ": '" + value + "' is not allowed; use one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
    }
}
