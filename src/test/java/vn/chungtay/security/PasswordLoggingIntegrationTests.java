package vn.chungtay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.chungtay.IntegrationTest;
import vn.chungtay.identity.CreatedApiToken;
import vn.chungtay.notification.MailOutbox;

/**
 * No password and no API token ever reaches the log: a Logback appender on the root logger captures
 * every line — with {@code org.springframework.security}, {@code org.springframework.web} and the
 * application itself at DEBUG for the duration — while people sign in with right and wrong passwords
 * (form and HTTP Basic), an administrator creates an account and resets its password, the person
 * changes it (also with a wrong current password), a donor signs up, and a token is created and used
 * (a right and a wrong one). None of the secrets, plain or URL-encoded or Base64 (HTTP Basic), may
 * appear in a captured line.
 */
@IntegrationTest
class PasswordLoggingIntegrationTests {

    private static final List<String> DEBUG_LOGGERS =
            List.of("org.springframework.security", "org.springframework.web", "vn.chungtay");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MailOutbox outbox;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line =
                    new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            event.getMDCPropertyMap()
                    .forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            lines.add(line.toString());
        }
    }

    private static String secret(String stem) {
        return stem + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "-Zq";
    }

    private int perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void noPasswordOrTokenIsLoggedEvenAtDebug() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, Level> previous = new LinkedHashMap<>();
        for (String name : DEBUG_LOGGERS) {
            Logger logger = context.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Capture capture = new Capture();
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);

        String username = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String first = secret("Dau-tien");
        String reset = secret("Dat-lai");
        String changed = secret("Doi-moi");
        String wrong = secret("Sai-roi");
        String donorPassword = secret("Nha-tai-tro");
        List<String> secrets = new ArrayList<>(List.of(first, reset, changed, wrong, donorPassword, "demo12345"));
        try {
            // the administrator creates an account, with a mismatching confirmation first
            assertThat(perform(post("/users")
                            .param("username", username)
                            .param("displayName", "Cán bộ thử mật khẩu")
                            .param("role", "COMMUNE_OFFICER")
                            .param("scopeCode", "24640")
                            .param("enabled", "true")
                            .param("password", first)
                            .param("confirmPassword", wrong)
                            .with(user(users.loadUserByUsername("admin")))
                            .with(csrf())))
                    .isEqualTo(200);
            assertThat(perform(post("/users")
                            .param("username", username)
                            .param("displayName", "Cán bộ thử mật khẩu")
                            .param("role", "COMMUNE_OFFICER")
                            .param("scopeCode", "24640")
                            .param("enabled", "true")
                            .param("password", first)
                            .param("confirmPassword", first)
                            .with(user(users.loadUserByUsername("admin")))
                            .with(csrf())))
                    .as("account created")
                    .isEqualTo(302);
            // sign-in with the right and a wrong password, by form and by HTTP Basic
            assertThat(mvc.perform(formLogin("/login").user(username).password(first))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .doesNotContain("error");
            assertThat(mvc.perform(formLogin("/login").user(username).password(wrong))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .contains("error");
            assertThat(perform(get("/api/v1/me").with(httpBasic(username, first))))
                    .isEqualTo(200);
            assertThat(perform(get("/api/v1/me").with(httpBasic(username, wrong))))
                    .isEqualTo(401);
            assertThat(perform(get("/api/v1/me").with(httpBasic("xa.cujut", "demo12345"))))
                    .isEqualTo(200);
            // the administrator resets it
            long id = jdbc.sql("select id from user_account where username = ?")
                    .param(username)
                    .query(Long.class)
                    .single();
            assertThat(perform(post("/users/" + id + "/password")
                            .param("newPassword", reset)
                            .param("confirmPassword", reset)
                            .with(user(users.loadUserByUsername("admin")))
                            .with(csrf())))
                    .isEqualTo(302);
            assertThat(mvc.perform(formLogin("/login").user(username).password(reset))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .doesNotContain("error");
            // the person changes it: first with a wrong current password
            assertThat(perform(post("/profile/password")
                            .param("currentPassword", wrong)
                            .param("newPassword", changed)
                            .param("confirmPassword", changed)
                            .with(user(users.loadUserByUsername(username)))
                            .with(csrf())))
                    .isEqualTo(200);
            assertThat(perform(post("/profile/password")
                            .param("currentPassword", reset)
                            .param("newPassword", changed)
                            .param("confirmPassword", changed)
                            .with(user(users.loadUserByUsername(username)))
                            .with(csrf())))
                    .isEqualTo(302);
            assertThat(perform(get("/api/v1/me").with(httpBasic(username, changed))))
                    .isEqualTo(200);
            // an API token: created, used, and a wrong one refused
            MvcResult created = mvc.perform(post("/profile/tokens")
                            .param("name", "Máy chủ báo cáo")
                            .with(user(users.loadUserByUsername(username)))
                            .with(csrf()))
                    .andReturn();
            String token = ((CreatedApiToken) created.getFlashMap().get("newToken")).secret();
            secrets.add(token);
            String wrongToken = token.substring(0, token.length() - 4) + "AAAA";
            secrets.add(wrongToken);
            assertThat(perform(get("/api/v1/me").header("Authorization", "Bearer " + token)))
                    .isEqualTo(200);
            assertThat(perform(get("/api/v1/me").header("Authorization", "Bearer " + wrongToken)))
                    .isEqualTo(401);
            // a donor signs up (the password waits hashed until the link is followed)
            String email = username + "@example.com";
            assertThat(perform(post("/public/donors/signup")
                            .param("name", "Nhà Tài Trợ Thử")
                            .param("email", email)
                            .param("password", donorPassword)
                            .param("kind", "INDIVIDUAL")
                            .with(csrf())))
                    .isEqualTo(302);
            // and with a password too short (the form comes back)
            perform(post("/public/donors/signup")
                    .param("name", "Nhà Tài Trợ Thử")
                    .param("email", "x" + email)
                    .param("password", "ab")
                    .param("kind", "INDIVIDUAL")
                    .with(csrf()));
            outbox.sendDue();
        } finally {
            root.detachAppender(capture);
            capture.stop();
            previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
        }
        assertThat(capture.lines.stream().anyMatch(l -> l.startsWith("org.springframework.security")))
                .as("Spring Security logged at DEBUG while the test ran")
                .isTrue();
        assertThat(capture.lines.stream().anyMatch(l -> l.startsWith("org.springframework.web")))
                .as("Spring MVC logged at DEBUG while the test ran")
                .isTrue();
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        forms.add(Base64.getEncoder().encodeToString((username + ":" + first).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString((username + ":" + wrong).getBytes(StandardCharsets.UTF_8)));
        forms.add(Base64.getEncoder().encodeToString("xa.cujut:demo12345".getBytes(StandardCharsets.UTF_8)));
        List<String> leaks = new ArrayList<>();
        for (String line : capture.lines) {
            for (String secret : forms) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + (line.length() > 400 ? line.substring(0, 400) : line));
                }
            }
        }
        System.out.println(
                "PASSWORD-LOG lines captured: " + capture.lines.size() + ", secrets looked for: " + forms.size());
        assertThat(leaks)
                .as("secrets in %d captured log lines", capture.lines.size())
                .isEmpty();
    }
}
