package cloud.consolesensei.web.console;

import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.security.ConsoleUsers;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /login}: the username and password form, and a link per configured OIDC provider. */
@ConditionalOnServe
@Controller
public class LoginPage {

    private final ConsoleUsers users;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    public LoginPage(ConsoleUsers users, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.users = users;
        this.oidc = oidc;
    }

    /**
     * An OIDC provider to sign in with.
     *
     * @param name its client name
     * @param url  where its login starts
     */
    public record Provider(String name, String url) {
    }

    @GetMapping("/login")
    public String login(Model model) {
        List<Provider> providers = new ArrayList<>();
        if (oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo) {
            for (ClientRegistration r : repo) {
                providers.add(new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("localUsers", users.enabled());
        return "login";
    }
}
