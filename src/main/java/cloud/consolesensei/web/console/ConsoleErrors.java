package cloud.consolesensei.web.console;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;
import cloud.consolesensei.web.security.Role;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every console page shows in its header (the signed-in user and role), and the console's
 * refusals (400, 404, 409, 410) as a page saying why, with the HTTP status and the same header.
 */
@ConditionalOnServe
@ControllerAdvice(assignableTypes = {ConsolePages.class, AccountsPage.class})
public class ConsoleErrors {

    /** The signed-in user's name ({@code username}, null when none) and whether they are ADMIN ({@code admin}). */
    @ModelAttribute
    void user(Model model) {
        signedIn(model);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem p, HttpServletResponse response, Model model) {
        // an exception handler's model is a new one: the @ModelAttribute above did not fill it
        signedIn(model);
        response.setStatus(p.status().value());
        model.addAttribute("status", p.status().value());
        model.addAttribute("reason", p.status().getReasonPhrase());
        model.addAttribute("message", p.getMessage());
        return "problem";
    }

    static void signedIn(Model model) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean someone = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        model.addAttribute("username", someone ? who.getName() : null);
        model.addAttribute("admin", someone && who.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority())));
    }
}
