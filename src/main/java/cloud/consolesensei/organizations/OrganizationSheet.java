package cloud.consolesensei.organizations;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;
import cloud.consolesensei.report.WorkbookContributor;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.stereotype.Component;

/**
 * The workbook's "Organization" sheet, present only when the run discovered its accounts: the
 * summary line (discovered, included, excluded, unreachable), then one row per account
 * ListAccounts returned: ID, name, email, lifecycle state, OU path, decision and its reason, how
 * the account was audited (role ARN, or its {@code accounts[]} entry) and whether it was reachable.
 */
@Component
public class OrganizationSheet implements WorkbookContributor {

    /** Sheet name. */
    public static final String SHEET = "Organization";
    static final List<String> HEADER = List.of("Account ID", "Account name", "Email", "State", "OU path", "Decision",
            "Reason", "Audited as", "Reachable");

    private final OrganizationSummary summary;
    private final ConsoleSenseiProperties props;

    public OrganizationSheet(OrganizationSummary summary, ConsoleSenseiProperties props) {
        this.summary = summary;
        this.props = props;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public void contribute(ReportWorkbook wb, ReportScope scope) {
        summary.view(scope.runId()).ifPresent(v -> write(wb, scope, v));
    }

    private void write(ReportWorkbook wb, ReportScope scope, OrganizationSummary.View v) {
        SXSSFSheet sheet = wb.sheet(SHEET);
        int r = 0;
        wb.set(sheet.createRow(r++), 0, (scope.demo() ? "DEMO - " : "") + "AWS Organizations discovery", false)
                .setCellStyle(wb.titleStyle());
        wb.set(sheet.createRow(r++), 0, OrganizationSummary.text(v), false);
        r++;
        int header = r;
        wb.header(sheet, r++, HEADER);
        Map<String, AccountTarget> audited = scope.accounts().stream()
                .collect(Collectors.toMap(AccountTarget::id, Function.identity(), (a, b) -> a));
        for (OrgAccount a : v.discovery().accounts()) {
            AccountTarget t = audited.get(a.id());
            Row row = sheet.createRow(r++);
            int c = 0;
            wb.set(row, c++, a.id(), false);
            wb.set(row, c++, a.name(), false);
            wb.set(row, c++, a.email(), false);
            wb.set(row, c++, a.state(), false);
            wb.set(row, c++, a.ouPathText(), false);
            wb.set(row, c++, decision(a), false);
            wb.set(row, c++, a.reason(), false);
            wb.set(row, c++, t == null ? "" : t.roleArn() == null ? "base credentials" : t.roleArn(), false);
            wb.set(row, c, t == null ? "" : v.unreachable().contains(a.id()) ? "no: role could not be assumed (see Coverage)"
                    : "yes", false);
        }
        if (r > header + 1) wb.autoFilter(sheet, header, r - 1, HEADER.size());
        wb.widths(sheet, 14, 24, 28, 16, 48, 22, 40, 56, 30);
    }

    /** Configured explicitly ({@code accounts[]} wins over discovery), included or excluded. */
    private String decision(OrgAccount a) {
        if (props.accounts().stream().anyMatch(x -> a.id().equals(x.id()))) return "configured (accounts[])";
        return a.included() ? "included" : "excluded";
    }
}
