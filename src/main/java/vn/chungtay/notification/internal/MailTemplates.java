package vn.chungtay.notification.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.shared.mail.MailBodies;

/**
 * Renders the e-mails from {@code templates/notification/mail/NAME.html} and {@code NAME.txt} with
 * the application's messages, in the recipient's language.
 */
@Component
public class MailTemplates {

    private final MailBodies bodies;

    MailTemplates(MessageSource messages) {
        this.bodies = new MailBodies(messages, "notification/mail");
    }

    public MailBodies.Rendered render(String name, Locale locale, Map<String, Object> variables) {
        return bodies.render(name, locale, variables);
    }
}
