package vn.chungtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.shared.security.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class ApiAuthenticationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void apiAnswers401AsJsonWithoutCredentialsInsteadOfRedirecting() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }

    @Test
    void apiAcceptsHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("tinh.lamdong", IdentityMother.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("tinh.lamdong"))
                .andExpect(jsonPath("$.role").value("PROVINCE_OFFICER"))
                .andExpect(jsonPath("$.scopeCode").value("68"));
    }

    @Test
    void apiRejectsHttpBasicWithAWrongPassword() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("giamsat.lamdong", "khong-dung-dau")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void bearerTokenWorksUntilRevoked() throws Exception {
        UserView owner = IdentityMother.createCommuneOfficer(identity, "token");
        Actor actor = IdentityMother.actorOf(owner);
        CreatedApiToken created = identity.createApiToken(actor, "Bảng tính");

        assertThat(created.secret()).startsWith("ct_");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + created.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(owner.username()));
        assertThat(identity.listApiTokens(actor))
                .singleElement()
                .satisfies(token -> assertThat(token.lastUsedAt()).isNotNull());

        identity.revokeApiToken(actor, created.token().id());

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + created.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void unknownBearerTokenIsRejected() throws Exception {
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer ct_khongtontai0000000000000000000"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokenSecretIsNeverReturnedAgainOrPublished() {
        UserView owner = IdentityMother.createCommuneOfficer(identity, "bimat");
        CreatedApiToken created = identity.createApiToken(IdentityMother.actorOf(owner), "CI");

        assertThat(identity.listApiTokens(IdentityMother.actorOf(owner)))
                .singleElement()
                .satisfies(token -> {
                    assertThat(token.prefix()).isEqualTo(created.secret().substring(0, 10));
                    assertThat(token.toString()).doesNotContain(created.secret());
                });
    }

    @Test
    void apiCallsWithAuthorizationHeaderNeedNoCsrfButCookieSessionsDo() throws Exception {
        // A POST with Basic is not stopped by CSRF: it reaches MVC, which has no POST here (405).
        mvc.perform(post("/api/v1/me").with(httpBasic("tinh.lamdong", IdentityMother.DEMO_PASSWORD)))
                .andExpect(status().isMethodNotAllowed());
        // The same POST from a signed-in browser session without a CSRF token is forbidden.
        mvc.perform(post("/api/v1/me").with(user(userDetails.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void signedInBrowserSessionMayReadTheApi() throws Exception {
        mvc.perform(get("/api/v1/me").with(user(userDetails.loadUserByUsername("xa.namdong"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scopeCode").value("24649"));
    }
}
