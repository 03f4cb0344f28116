package vn.chungtay.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reliability suite's HTTP client: JSON calls with a personal access token or a password, and sign-in through the pages. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN = Pattern.compile("(ct_[A-Za-z0-9_-]{43})");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    /** An answer: status and body (JSON when it parses). */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Http() {}

    /** A JSON request; {@code authorization} is a whole header value ({@code Bearer ct_…} or {@code Basic …}). */
    static Answer call(String method, String url, String authorization, Object body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Accept-Language", "vi");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static Answer get(String url, String authorization) throws IOException, InterruptedException {
        return call("GET", url, authorization, null, Duration.ofSeconds(60));
    }

    static Answer post(String url, String authorization, Object body) throws IOException, InterruptedException {
        return call("POST", url, authorization, body, Duration.ofSeconds(60));
    }

    /** The body of a successful call, or an assertion error naming the call. */
    static JsonNode expectOk(Answer answer, String what) {
        if (!answer.ok()) {
            throw new AssertionError(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Signs in through the login page (a session, as a person would) and creates {@code count}
     * personal access tokens on the profile page; returns their secrets.
     */
    static List<String> createTokens(String baseUrl, String username, String password, int count)
            throws IOException, InterruptedException {
        HttpClient session = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        String login = page(session, baseUrl + "/login");
        HttpResponse<String> signedIn = form(
                session,
                baseUrl + "/login",
                Map.of("username", username, "password", password, "_csrf", csrf(login, "/login")));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("sign-in of " + username + " failed: " + signedIn.statusCode() + " " + location);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String profile = page(session, baseUrl + "/profile");
            HttpResponse<String> created = form(
                    session,
                    baseUrl + "/profile/tokens",
                    Map.of("name", "reliability " + username + " " + i, "_csrf", csrf(profile, "/profile")));
            if (created.statusCode() != 302) {
                throw new AssertionError("token not created for " + username + ": " + created.statusCode());
            }
            Matcher token = NEW_TOKEN.matcher(page(session, baseUrl + "/profile"));
            if (!token.find()) {
                throw new AssertionError("the profile page did not show the new token of " + username);
            }
            tokens.add(token.group(1));
        }
        return tokens;
    }

    private static String page(HttpClient session, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = session.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> form(HttpClient session, String url, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return session.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html, String page) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return m.group(1);
    }
}
