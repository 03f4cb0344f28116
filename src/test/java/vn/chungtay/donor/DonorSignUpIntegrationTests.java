package vn.chungtay.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.donor.DonorMother.CU_JUT;
import static vn.chungtay.donor.DonorMother.as;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.TestSmtp;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.SignedInUser;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.shared.security.Role;

@IntegrationTest
class DonorSignUpIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

    private static final Pattern LINK = Pattern.compile("/public/donors/signup/confirm\\?token=([A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "mat-khau-nha-tai-tro";

    @Autowired
    MockMvc mvc;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DonorManagement donors;

    @Autowired
    IdentityManagement identity;

    @Autowired
    UserDetailsService userDetailsService;

    @Test
    void signUpMailsALinkWhoseConfirmationCreatesAnAccountLinkedToTheDonorThatSignsIn() throws Exception {
        String email = DonorMother.email();
        String name = "Võ Thị Tình " + DonorMother.word();
        signUp(name, email, PASSWORD);

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).isEqualTo("ChungTay: xác nhận đăng ký tài khoản nhà tài trợ");
        assertThat(html(mail)).contains(name).contains("/public/donors/signup/confirm?token=");
        String token = token(text(mail));
        assertThat(jdbc.sql("select count(*) from donor_signup where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .as("the token is kept only hashed")
                .isZero();
        mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(unauthenticated());

        String page = mvc.perform(get("/public/donors/signup/confirm").param("token", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page)
                        .select("form[method=post] input[name=token]")
                        .val())
                .isEqualTo(token);
        mvc.perform(post("/public/donors/signup/confirm").param("token", token).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tài khoản đã được tạo")))
                .andExpect(content().string(containsString(email)));

        mvc.perform(formLogin("/login").user(email).password(PASSWORD))
                .andExpect(authenticated().withUsername(email).withRoles("DONOR"));
        SignedInUser principal = (SignedInUser) userDetailsService.loadUserByUsername(email);
        assertThat(principal.actor().role()).isEqualTo(Role.DONOR);
        assertThat(principal.actor().isNational()).as("a donor covers no unit").isFalse();
        long donorId = principal.donorId().orElseThrow();
        assertThat(identity.linkedDonorId(principal.actor())).contains(donorId);
        DonorDetails donor = as(DonorMother.ADMIN, () -> donors.details(new DonorId(donorId)));
        assertThat(donor.donor().name()).isEqualTo(name);
        assertThat(donor.donor().email()).isEqualTo(email);
        assertThat(donor.donor().publicName())
                .as("signing up is no consent to be listed")
                .isEqualTo("Nhà hảo tâm");

        mvc.perform(post("/public/donors/signup/confirm").param("token", token).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Liên kết đã được sử dụng")));
    }

    @Test
    void signUpLinksTheAccountToTheDonorAnOfficerAlreadyRegistered() throws Exception {
        String email = DonorMother.email();
        String name = "Mạc Văn Thiện " + DonorMother.word();
        DonorView known = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, DonorMother.phone(), email))
                        .donor());

        signUp(name.toLowerCase(), email.toUpperCase(), PASSWORD);
        String token = token(text(awaitMail(email)));
        mvc.perform(post("/public/donors/signup/confirm").param("token", token).with(csrf()))
                .andExpect(status().isOk());

        SignedInUser principal = (SignedInUser) userDetailsService.loadUserByUsername(email);
        assertThat(principal.donorId()).contains(known.id().value());
    }

    @Test
    void anExpiredLinkIsRefusedAndCreatesNothing() throws Exception {
        String email = DonorMother.email();
        signUp("Khổng Thị Muộn " + DonorMother.word(), email, PASSWORD);
        String token = token(text(awaitMail(email)));
        jdbc.sql("update donor_signup set expires_at = now() - interval '1 minute' where email = :email")
                .param("email", email)
                .update();

        mvc.perform(get("/public/donors/signup/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Liên kết đã hết hạn")));
        mvc.perform(post("/public/donors/signup/confirm").param("token", token).with(csrf()))
                .andExpect(content().string(containsString("Liên kết đã hết hạn")));
        mvc.perform(post("/public/donors/signup/confirm")
                        .param("token", "x".repeat(43))
                        .with(csrf()))
                .andExpect(content().string(containsString("Liên kết không hợp lệ")));
        assertThat(accounts(email)).isZero();
    }

    @Test
    void aSignUpWithBadFieldsNamesThemAndStoresNothing() throws Exception {
        String email = "sai-dia-chi";
        mvc.perform(post("/public/donors/signup")
                        .with(csrf())
                        .param("name", "")
                        .param("email", email)
                        .param("password", "ngan")
                        .param("kind", "INDIVIDUAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vui lòng nhập họ tên")))
                .andExpect(content().string(containsString("Địa chỉ e-mail không hợp lệ.")))
                .andExpect(content().string(containsString("Mật khẩu phải có ít nhất 10 ký tự.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("ngan"))));
        assertThat(jdbc.sql("select count(*) from donor_signup where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void signUp(String name, String email, String password) throws Exception {
        mvc.perform(post("/public/donors/signup")
                        .with(csrf())
                        .param("name", name)
                        .param("email", email)
                        .param("password", password)
                        .param("kind", "INDIVIDUAL"))
                .andExpect(redirectedUrl("/public/donors/signup/sent"));
    }

    private long accounts(String username) {
        return jdbc.sql("select count(*) from user_account where lower(username) = lower(:u)")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    private MimeMessage awaitMail(String address) {
        outbox.sendDue();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(address).size() >= 1);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String address) {
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

    private static String token(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as("link in %s", body).isTrue();
        return matcher.group(1);
    }

    private static String text(Part part) throws Exception {
        return vn.chungtay.notification.Mails.partOf(part, "text/plain");
    }

    private static String html(Part part) throws Exception {
        return vn.chungtay.notification.Mails.partOf(part, "text/html");
    }
}
