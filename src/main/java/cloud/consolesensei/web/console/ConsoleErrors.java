package cloud.consolesensei.web.console;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/** The console's refusals (400, 404, 409, 410) as a page saying why, with the HTTP status. */
@ConditionalOnServe
@ControllerAdvice(assignableTypes = {ConsolePages.class, AccountsPage.class})
public class ConsoleErrors {

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem p, HttpServletResponse response, Model model) {
        response.setStatus(p.status().value());
        model.addAttribute("status", p.status().value());
        model.addAttribute("reason", p.status().getReasonPhrase());
        model.addAttribute("message", p.getMessage());
        return "problem";
    }
}
