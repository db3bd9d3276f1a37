package cloud.consolesensei.web.api;

import cloud.consolesensei.web.ApiProblem;
import cloud.consolesensei.web.ConditionalOnServe;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any {@code /api} request no endpoint serves answers in the API's JSON shape (not the servlet
 * container's error page): 405 with {@code Allow} when an endpoint serves the path with other
 * methods ({@code DELETE /api/runs/1}), 404 when none serves it.
 */
@ConditionalOnServe
@RestController
public class ApiFallback {

    private final RequestMappingHandlerMapping mappings;

    public ApiFallback(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** Every method on a path under {@code /api} that no other mapping takes: 405 or 404. */
    @RequestMapping("/api/**")
    public void none(HttpServletRequest req) throws HttpRequestMethodNotSupportedException {
        Set<String> allowed = new TreeSet<>();
        String path = req.getRequestURI().substring(req.getContextPath().length());
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null || info.getMethodsCondition().getMethods().isEmpty()) continue;
            boolean serves = info.getPathPatternsCondition().getPatterns().stream()
                    .anyMatch(p -> p.matches(PathContainer.parsePath(path)));
            if (serves) info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
        }
        if (!allowed.isEmpty()) throw new HttpRequestMethodNotSupportedException(req.getMethod(), allowed);
        throw ApiProblem.notFound("no API endpoint " + req.getMethod() + " " + req.getRequestURI()
                + "; see GET /api/runs");
    }
}
