package vn.chungtay.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reading what GreenMail received: the messages to one address, their text and HTML parts, their links. */
/** Mails arrived at GreenMail, and the parts of a MIME message, for tests of every module. */
public final class Mails {

    private static final Pattern CONFIRM = Pattern.compile("/public/subscriptions/confirm\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("/public/subscriptions/unsubscribe\\?token=([A-Za-z0-9_-]{43})");

    private Mails() {}

    static List<MimeMessage> to(GreenMailExtension greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Waits (the outbox may be sent by the scheduler as well) until {@code count} messages reached the address. */
    static List<MimeMessage> awaitTo(GreenMailExtension greenMail, String address, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> to(greenMail, address).size() >= count);
        List<MimeMessage> messages = to(greenMail, address);
        assertThat(messages).hasSize(count);
        return messages;
    }

    static String subject(MimeMessage message) throws Exception {
        return message.getSubject();
    }

    static String text(Part part) throws Exception {
        return partOf(part, "text/plain");
    }

    static String html(Part part) throws Exception {
        return partOf(part, "text/html");
    }

    static String confirmToken(MimeMessage message) throws Exception {
        return token(CONFIRM, text(message));
    }

    static String unsubscribeToken(MimeMessage message) throws Exception {
        return token(UNSUBSCRIBE, text(message));
    }

    private static String token(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("link in %s", body).isTrue();
        return matcher.group(1);
    }

    /** The first part of this MIME type, searching nested multiparts; null when there is none. */
    public static String partOf(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = partOf(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
