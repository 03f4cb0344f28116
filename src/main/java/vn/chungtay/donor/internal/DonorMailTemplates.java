package vn.chungtay.donor.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the donor module's e-mails from {@code templates/donor/mail/NAME.html} and
 * {@code NAME.txt} with the application's messages, in the recipient's language.
 */
@Component
public class DonorMailTemplates {

    private static final String PREFIX = "templates/donor/mail/";

    /** The two bodies of one e-mail. */
    public record Rendered(String html, String text) {}

    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;

    DonorMailTemplates(MessageSource messages) {
        this.html = engine(messages, TemplateMode.HTML, ".html");
        this.text = engine(messages, TemplateMode.TEXT, ".txt");
    }

    public Rendered render(String name, Locale locale, Map<String, Object> variables) {
        Context context = new Context(locale, variables);
        return new Rendered(html.process(name, context), text.process(name, context));
    }

    private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(PREFIX);
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
