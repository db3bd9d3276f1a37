package cloud.consolesensei.web.console;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.demo.DemoEstate;
import cloud.consolesensei.job.RunRegistry;
import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.RunLauncher;
import cloud.consolesensei.web.RunView;
import cloud.consolesensei.web.RunViews;
import cloud.consolesensei.web.ServeMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /accounts}: every account with its last run; for ADMIN a "Re-run now" form per account with
 * optional regions (comma- or space-separated), which starts a one-account run in the background and
 * shows it.
 */
@ConditionalOnServe
@Controller
public class AccountsPage {

    private final RunRegistry registry;
    private final RunViews views;
    private final RunLauncher launcher;
    private final ObjectProvider<ServeMode> mode;

    public AccountsPage(RunRegistry registry, RunViews views, RunLauncher launcher, ObjectProvider<ServeMode> mode) {
        this.registry = registry;
        this.views = views;
        this.launcher = launcher;
        this.mode = mode;
    }

    /**
     * One line of the page.
     *
     * @param id      12-digit account ID
     * @param name    display name
     * @param regions configured regions (or all-enabled)
     * @param lastRun its last execution, or null when never run
     */
    public record AccountRow(String id, String name, List<String> regions, RunView lastRun) {
    }


    @GetMapping("/accounts")
    public String accounts(Model model) {
        Map<String, AccountTarget> accounts = new LinkedHashMap<>();
        ServeMode m = mode.getIfAvailable();
        if (m != null && m.demoEstate()) DemoEstate.ACCOUNTS.forEach(a -> accounts.put(a.id(), a));
        registry.configured().forEach(a -> accounts.put(a.id(), a));
        views.discoveredAccounts().forEach(a -> accounts.putIfAbsent(a.id(), a));
        List<AccountRow> rows = new ArrayList<>();
        for (AccountTarget a : accounts.values()) {
            rows.add(new AccountRow(a.id(), a.name(), a.regions(), views.lastRunOf(a.id()).orElse(null)));
        }
        model.addAttribute("accounts", rows);
        return "accounts";
    }

    /** ADMIN: re-run one account now, in the given regions (blank: its own). */
    @PostMapping("/accounts/{accountId}/rerun")
    public String rerun(@PathVariable String accountId, @RequestParam(defaultValue = "") String regions,
                        Authentication who) {
        List<String> r = Arrays.stream(regions.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        RunView v = launcher.start(new RunLauncher.Start(List.of(accountId), r, null), who);
        return "redirect:/runs/" + v.executionId();
    }
}
