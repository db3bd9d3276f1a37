package cloud.consolesensei.web.console;

import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.security.Role;

import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows in its header: the signed-in user and role. Error pages get the
 * same through {@link #signedIn(Map)} (an exception handler's model is a new one, which no
 * {@code @ModelAttribute} method fills).
 */
@ConditionalOnServe
@ControllerAdvice(assignableTypes = {ConsolePages.class, AccountsPage.class})
public class ConsoleHeader {

    @ModelAttribute
    void user(Model model) {
        signedIn(model.asMap());
    }

    /**
     * Puts {@code username} (null when nobody is signed in) and {@code admin} (true for the ADMIN
     * role) of the current request's user into {@code model}.
     */
    public static void signedIn(Map<String, Object> model) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean someone = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        model.put("username", someone ? who.getName() : null);
        model.put("admin", someone && who.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority())));
    }
}
