package cloud.consolesensei.web.api;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api} path no endpoint serves answers the API's JSON 404 (not the servlet
 * container's error page), so a client always reads the same error shape.
 */
@ConditionalOnServe
@RestController
public class ApiFallback {

    /** Every method on a path under {@code /api} that no other mapping takes: 404. */
    @RequestMapping("/api/**")
    public void none(HttpServletRequest req) {
        throw ApiProblem.notFound("no API endpoint " + req.getMethod() + " " + req.getRequestURI()
                + "; see GET /api/runs");
    }
}
