package vn.chungtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void demoAccountSignsInWithItsPassword() throws Exception {
        mvc.perform(formLogin("/login").user("xa.cujut").password(IdentityMother.DEMO_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("xa.cujut").withRoles("COMMUNE_OFFICER"));
    }

    @Test
    void wrongPasswordIsRejectedWithAnErrorOnTheLoginPage() throws Exception {
        mvc.perform(formLogin("/login").user("giamsat.lamdong").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void signedInPrincipalCarriesTheActorWithRoleAndScope() {
        SignedInUser principal = (SignedInUser) userDetails.loadUserByUsername("xa.namdong");

        assertThat(principal.actor())
                .isEqualTo(new vn.chungtay.shared.security.Actor(
                        "xa.namdong", vn.chungtay.shared.security.Role.COMMUNE_OFFICER, "24649"));
        assertThat(((SignedInUser) userDetails.loadUserByUsername("admin"))
                        .actor()
                        .isNational())
                .isTrue();
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenForTheRightPassword() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "khoa");

        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(user.username()).password("sai-mat-khau"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user.username()).password("sai-mat-khau"))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user(user.username()).password(IdentityMother.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"))
                .andExpect(unauthenticated());

        assertThat(identity.getUser(vn.chungtay.shared.security.Actor.SYSTEM, user.id())
                        .lockedAt(java.time.Instant.now()))
                .isTrue();
    }

    @Test
    void aSuccessfulSignInStartsTheFailureCountAgain() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "demlai");

        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(user.username()).password("sai-mat-khau"));
        }
        mvc.perform(formLogin("/login").user(user.username()).password(IdentityMother.PASSWORD))
                .andExpect(authenticated());
        for (int attempt = 1; attempt <= 4; attempt++) {
            mvc.perform(formLogin("/login").user(user.username()).password("sai-mat-khau"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user.username()).password(IdentityMother.PASSWORD))
                .andExpect(authenticated().withUsername(user.username()));
    }

    @Test
    void lockoutAlsoStopsHttpBasicOnTheApi() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "khoaapi");

        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), "sai-mat-khau")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user.username(), IdentityMother.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message")
                        .value("Tài khoản tạm thời bị khóa vì đăng nhập sai nhiều lần liên tiếp."));
    }

    @Test
    void loginPageIsInVietnameseAndExplainsLockoutAndSignOut() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tên đăng nhập")));
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("tạm thời bị khóa")));
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bạn đã đăng xuất")));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("không đúng")));
    }

    @Test
    void formPostsWithoutCsrfTokenAreForbidden() throws Exception {
        mvc.perform(post("/login").param("username", "xa.cujut").param("password", IdentityMother.DEMO_PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(post("/profile/tokens")
                        .param("name", "khong csrf")
                        .with(user(userDetails.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(userDetails.loadUserByUsername("xa.cujut"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void logoutIsAPostThatReturnsToTheLoginPage() throws Exception {
        mvc.perform(post("/logout").with(csrf()).with(user(userDetails.loadUserByUsername("xa.cujut"))))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
    }

    @Test
    void pagesNeedSigningInButPublicOnesDoNot() throws Exception {
        mvc.perform(get("/profile")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isOk());
    }
}
