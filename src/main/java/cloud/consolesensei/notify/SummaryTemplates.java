package cloud.consolesensei.notify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an {@link EmailSummary} or a {@link FailureNotice} with the Thymeleaf templates of
 * {@code reports-templates/email/} (on the classpath under the same path): {@code summary.html} /
 * {@code failure.html} in HTML mode, where {@code th:text} escapes every value (a resource named
 * {@code <script>} stays text), and {@code summary.txt} / {@code failure.txt} in TEXT mode for the
 * plain-text alternative. The engine is the module's own, independent of Spring
 * MVC's view templates.
 */
@Component
public class SummaryTemplates {

    /** Classpath folder of the email templates. */
    public static final String FOLDER = "reports-templates/email/";

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    /** The HTML body. */
    public String html(EmailSummary s) {
        return html.process("summary", context("s", s));
    }

    /** The plain-text body. */
    public String text(EmailSummary s) {
        return text.process("summary", context("s", s));
    }

    /** The HTML body of a failure notice ({@code failure.html}). */
    public String html(FailureNotice n) {
        return html.process("failure", context("n", n));
    }

    /** The plain-text body of a failure notice ({@code failure.txt}). */
    public String text(FailureNotice n) {
        return text.process("failure", context("n", n));
    }

    private static Context context(String name, Object model) {
        return new Context(Locale.ROOT, Map.of(name, model));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(SummaryTemplates.class.getClassLoader());
        r.setPrefix(FOLDER);
        r.setSuffix(suffix);
        r.setTemplateMode(mode);
        r.setCharacterEncoding(StandardCharsets.UTF_8.name());
        r.setCacheable(true);
        SpringTemplateEngine e = new SpringTemplateEngine();
        e.setTemplateResolver(r);
        return e;
    }
}
