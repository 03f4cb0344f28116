package vn.chungtay.supervision.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.shared.mail.MailBodies;

/**
 * Renders the e-mail telling a unit of a recommendation addressed to it, from {@code
 * templates/supervision/mail/recommendation.html} and {@code .txt}, in Vietnamese.
 */
@Component
public class RecommendationMails {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The subject and both bodies of one e-mail. */
    public record Rendered(String subject, String html, String text) {}

    private final MailBodies bodies;
    private final MessageSource messages;

    RecommendationMails(MessageSource messages) {
        this.messages = messages;
        this.bodies = new MailBodies(messages, "supervision/mail");
    }

    public Rendered recommendation(Map<String, Object> variables) {
        String subject = messages.getMessage(
                "supervision.mail.recommendation.subject", new Object[] {variables.get("unitName")}, VIETNAMESE);
        MailBodies.Rendered body = bodies.render("recommendation", VIETNAMESE, variables);
        return new Rendered(subject, body.html(), body.text());
    }
}
