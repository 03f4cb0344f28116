package vn.chungtay.shared.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a module's e-mails from {@code templates/<folder>/NAME.html} and {@code NAME.txt} with
 * the application's messages, in the recipient's language. It has its own template engines, so the
 * web pages' engine is left as it is; the HTML body escapes every value as the pages do.
 */
public final class MailBodies {

    /** The two bodies of one e-mail. */
    public record Rendered(String html, String text) {}

    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;

    /** {@code folder} under {@code templates/}, e.g. {@code "notification/mail"}. */
    public MailBodies(MessageSource messages, String folder) {
        String prefix = "templates/" + folder + "/";
        this.html = engine(messages, prefix, TemplateMode.HTML, ".html");
        this.text = engine(messages, prefix, TemplateMode.TEXT, ".txt");
    }

    public Rendered render(String name, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return new Rendered(html.process(name, context), text.process(name, context));
    }

    private static SpringTemplateEngine engine(
            MessageSource messages, String prefix, TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
