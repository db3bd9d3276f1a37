package cloud.consolesensei.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends what no controller answered (a request the
 * security firewall rejected, an error sent before any controller ran): the API's JSON body for a
 * path under {@code /api}, the console's error page otherwise, in place of Spring Boot's error JSON.
 */
@ConditionalOnServe
@Controller
public class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpStatus status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && HttpStatus.resolve(code) != null ? HttpStatus.resolve(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        String uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u : req.getRequestURI();
        String reason = status == HttpStatus.NOT_FOUND ? "nothing at " + uri
                : status.getReasonPhrase() + " (" + uri + ")";
        return WebErrors.answer(WebErrors.isApi(uri, req.getContextPath()), res, status, reason);
    }
}
