package vn.chungtay.supervision.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the e-mail telling a unit of a recommendation addressed to it, from {@code
 * templates/supervision/mail/recommendation.html} and {@code .txt}, in Vietnamese.
 */
@Component
public class RecommendationMails {

    private static final String PREFIX = "templates/supervision/mail/";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The subject and both bodies of one e-mail. */
    public record Rendered(String subject, String html, String text) {}

    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;
    private final MessageSource messages;

    RecommendationMails(MessageSource messages) {
        this.messages = messages;
        this.html = engine(messages, TemplateMode.HTML, ".html");
        this.text = engine(messages, TemplateMode.TEXT, ".txt");
    }

    public Rendered recommendation(Map<String, Object> variables) {
        Context context = new Context(VIETNAMESE, variables);
        String subject = messages.getMessage(
                "supervision.mail.recommendation.subject", new Object[] {variables.get("unitName")}, VIETNAMESE);
        return new Rendered(subject, html.process("recommendation", context), text.process("recommendation", context));
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
