package vn.chungtay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What only the real embedded Tomcat shows, so this class starts the application on a random port —
 * its own context (and embedded database) beside the shared MockMvc one of {@code @IntegrationTest},
 * which has no server: an upload over the configured limit answers 413 with the Vietnamese message
 * (JSON for the API, a page for people) instead of a reset connection, and the session cookie is
 * {@code HttpOnly; SameSite=Lax}, and {@code Secure} when a TLS proxy forwards the request
 * ({@code X-Forwarded-Proto: https}, trusted from a private address).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerIntegrationTests {

    /** Over spring.servlet.multipart.max-request-size (61 MB, set for bank statements). */
    private static final int TOO_LARGE = 62 * 1024 * 1024;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A signed-in session: its cookie and a CSRF token for forms. */
    private record Session(String cookie, String csrf) {}

    private Session signIn(String username, String password, boolean behindTls) throws Exception {
        HttpRequest.Builder loginPage = HttpRequest.newBuilder(uri("/login")).GET();
        if (behindTls) {
            loginPage.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> page = http.send(loginPage.build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page).orElseThrow();
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpRequest.Builder login = HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (behindTls) {
            login.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> signedIn = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = sessionCookie(signedIn).orElseThrow(() -> new AssertionError("a new session after sign-in"));
        String value = session.substring(0, session.indexOf(';'));
        HttpResponse<String> upload = http.send(
                HttpRequest.newBuilder(uri("/children/import"))
                        .header("Cookie", value)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(upload.body());
        assertThat(token.find()).as(upload.body()).isTrue();
        return new Session(session, token.group(1));
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
    }

    private static List<String> attributes(String cookie) {
        return List.of(cookie.split(";\\s*")).stream()
                .map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    // ---------------------------------------------------------------- cookies

    @Test
    void behindATlsProxyTheSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        Session session = signIn("xa.cujut", "demo12345", true);
        assertThat(attributes(session.cookie())).contains("secure", "httponly", "samesite=lax");
    }

    @Test
    void onPlainHttpTheSessionCookieIsStillHttpOnlyAndSameSiteLaxButNotSecure() throws Exception {
        Session session = signIn("xa.cujut", "demo12345", false);
        assertThat(attributes(session.cookie()))
                .contains("httponly", "samesite=lax")
                .doesNotContain("secure");
    }

    // ---------------------------------------------------------------- uploads over the limit

    private static byte[] multipart(String boundary, List<String[]> fields, String fileField, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        for (String[] field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"lon.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void anApiUploadOverTheLimitAnswers413InVietnameseAsJson() throws Exception {
        String boundary = "ranh-gioi-" + UUID.randomUUID();
        byte[] body =
                multipart(boundary, List.<String[]>of(new String[] {"campaignId", "1"}), "file", new byte[TOO_LARGE]);
        String basic =
                java.util.Base64.getEncoder().encodeToString("xa.cujut:demo12345".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/statements"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body())
                .contains("\"error\":\"tooLarge\"")
                .contains("Tệp quá lớn")
                .contains("60 MB");
    }

    @Test
    void aPageUploadOverTheLimitAnswers413WithTheVietnamesePage() throws Exception {
        Session session = signIn("xa.cujut", "demo12345", false);
        String boundary = "ranh-gioi-" + UUID.randomUUID();
        byte[] body = multipart(
                boundary, List.<String[]>of(new String[] {"_csrf", session.csrf()}), "file", new byte[TOO_LARGE]);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/children/import"))
                        .header(
                                "Cookie",
                                session.cookie().substring(0, session.cookie().indexOf(';')))
                        .header("Accept", "text/html,application/xhtml+xml")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Tệp quá lớn").contains("60 MB");
    }
}
