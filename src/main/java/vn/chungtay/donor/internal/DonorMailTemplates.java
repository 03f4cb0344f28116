package vn.chungtay.donor.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.shared.mail.MailBodies;

/**
 * Renders the donor module's e-mails from {@code templates/donor/mail/NAME.html} and {@code NAME.txt} with
 * the application's messages, in the recipient's language.
 */
@Component
public class DonorMailTemplates {

    private final MailBodies bodies;

    DonorMailTemplates(MessageSource messages) {
        this.bodies = new MailBodies(messages, "donor/mail");
    }

    public MailBodies.Rendered render(String name, Locale locale, Map<String, Object> variables) {
        return bodies.render(name, locale, variables);
    }
}
