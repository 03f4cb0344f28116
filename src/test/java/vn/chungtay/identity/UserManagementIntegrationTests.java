package vn.chungtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class UserManagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityManagement identity;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    ApplicationEvents events;

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(user(userDetails.loadUserByUsername(username))).with(csrf());
    }

    private static MockHttpServletRequestBuilder newUserForm(String username, String role, String scope) {
        return post("/users")
                .param("username", username)
                .param("displayName", "Nguyễn Văn Thử")
                .param("email", "")
                .param("role", role)
                .param("scopeCode", scope)
                .param("password", IdentityMother.PASSWORD)
                .param("confirmPassword", IdentityMother.PASSWORD);
    }

    @Test
    void provinceOfficerCreatesACommuneOfficerWithinTheProvince() throws Exception {
        String username = IdentityMother.uniqueUsername("dakwil");

        mvc.perform(as("tinh.lamdong", newUserForm(username, "COMMUNE_OFFICER", "24646")))
                .andExpect(redirectedUrl("/users"));

        assertThat(identity.listUsers(IdentityMother.PROVINCE_LAM_DONG, username, 0, 10)
                        .items())
                .extracting(UserView::username, UserView::scopeCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(username, "24646"));
    }

    @Test
    void provinceOfficerCannotCreateAUserOutsideTheirProvince() throws Exception {
        String username = IdentityMother.uniqueUsername("hanoi");

        mvc.perform(as("tinh.lamdong", newUserForm(username, "COMMUNE_OFFICER", "01")))
                .andExpect(status().isForbidden());

        assertThat(identity.listUsers(Actor.SYSTEM, username, 0, 10).isEmpty()).isTrue();
    }

    @Test
    void provinceOfficerCannotCreateAnAdministrator() {
        NewUser admin = new NewUser(
                IdentityMother.uniqueUsername("quantri"), "Quản trị", null, Role.ADMIN, null, IdentityMother.PASSWORD);

        assertThatThrownBy(() -> identity.createUser(IdentityMother.PROVINCE_LAM_DONG, admin))
                .isInstanceOf(OutsideScope.class);
    }

    @Test
    void provinceOfficerCannotEditAUserOfAnotherProvince() throws Exception {
        UserView hanoi = identity.createUser(
                Actor.SYSTEM,
                new NewUser(
                        IdentityMother.uniqueUsername("hn"),
                        "Cán bộ Hà Nội",
                        null,
                        Role.PROVINCE_OFFICER,
                        "01",
                        IdentityMother.PASSWORD));

        mvc.perform(as("tinh.lamdong", get("/users/" + hanoi.id() + "/edit"))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> identity.updateUser(
                        IdentityMother.PROVINCE_LAM_DONG,
                        hanoi.id(),
                        new UserChanges("Đổi tên", null, Role.PROVINCE_OFFICER, "01", true)))
                .isInstanceOf(OutsideScope.class);
    }

    @Test
    void newUserFormOffersOnlyRolesTheOfficerMayGive() throws Exception {
        mvc.perform(as("tinh.lamdong", get("/users/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cán bộ cấp xã")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"ADMIN\""))));
        mvc.perform(as("admin", get("/users/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"ADMIN\"")));
    }

    @Test
    void communeOfficerCannotManageUsers() throws Exception {
        mvc.perform(as("xa.cujut", get("/users"))).andExpect(status().isForbidden());
        mvc.perform(as("xa.cujut", get("/users/new"))).andExpect(status().isForbidden());
        mvc.perform(as("xa.cujut", newUserForm(IdentityMother.uniqueUsername("thon"), "VILLAGE_COLLABORATOR", "24640")))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> identity.listUsers(IdentityMother.COMMUNE_CU_JUT, "", 0, 10))
                .isInstanceOf(OutsideScope.class);
    }

    @Test
    void provinceOfficerSeesOnlyUsersWithinTheirScope() {
        Page<UserView> page = identity.listUsers(IdentityMother.PROVINCE_LAM_DONG, "", 0, 100);

        assertThat(page.items()).extracting(UserView::username).contains("xa.cujut", "xa.namdong");
        assertThat(page.items()).extracting(UserView::username).doesNotContain("admin");
    }

    @Test
    void userListSearchesWithoutDiacritics() throws Exception {
        mvc.perform(as("admin", get("/users").param("q", "cu jut")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("xa.cujut")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("giamsat.lamdong"))));
    }

    @Test
    void invalidInputIsShownNextToTheFieldsAndNothingIsCreated() throws Exception {
        mvc.perform(as("admin", newUserForm("X", "COMMUNE_OFFICER", "99999")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("userForm", "username", "identity.username.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("userForm", "scopeCode", "identity.scope.unknown"))
                .andExpect(content().string(Matchers.containsString("Tên đăng nhập gồm 3 đến 60 ký tự")));
        assertThat(identity.listUsers(Actor.SYSTEM, "x", 0, 100).items())
                .extracting(UserView::username)
                .doesNotContain("x");
    }

    @Test
    void createdUserIsAuditedWithoutItsPassword() {
        UserView created = IdentityMother.createCommuneOfficer(identity, "audit");

        assertThat(events.stream(UserCreated.class))
                .filteredOn(e -> e.username().equals(created.username()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.unitCode()).isEqualTo("24640");
                    assertThat(event.after()).containsEntry("role", "COMMUNE_OFFICER");
                    assertThat(event.after().toString())
                            .doesNotContain(IdentityMother.PASSWORD)
                            .doesNotContainIgnoringCase("password");
                });
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndALongNewOneThatIsNotTheUsername() {
        UserView user = IdentityMother.createCommuneOfficer(identity, "doimk");
        Actor actor = IdentityMother.actorOf(user);

        assertThatThrownBy(() -> identity.changeOwnPassword(actor, "sai-mat-khau-cu", "mat-khau-moi-dai"))
                .isInstanceOfSatisfying(
                        InvalidUserInput.class,
                        e -> assertThat(e.concerns("identity.password.currentWrong"))
                                .isTrue());
        assertThatThrownBy(() -> identity.changeOwnPassword(actor, IdentityMother.PASSWORD, "ngan"))
                .isInstanceOfSatisfying(
                        InvalidUserInput.class,
                        e -> assertThat(e.concerns("identity.password.tooShort"))
                                .isTrue());
        assertThatThrownBy(() -> identity.changeOwnPassword(actor, IdentityMother.PASSWORD, user.username()))
                .isInstanceOfSatisfying(
                        InvalidUserInput.class,
                        e -> assertThat(e.concerns("identity.password.equalsUsername"))
                                .isTrue());

        identity.changeOwnPassword(actor, IdentityMother.PASSWORD, "mat-khau-moi-dai");

        assertThat(events.stream(PasswordChanged.class))
                .anyMatch(e -> e.username().equals(user.username()));
        assertThatThrownBy(() -> identity.changeOwnPassword(actor, IdentityMother.PASSWORD, "mot-mat-khau-khac"))
                .isInstanceOf(InvalidUserInput.class);
    }

    @Test
    void profilePageChangesPasswordAndShowsErrorsNextToFields() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "trangcanhan");

        mvc.perform(as(
                        user.username(),
                        post("/profile/password")
                                .param("currentPassword", IdentityMother.PASSWORD)
                                .param("newPassword", "mat-khau-moi-dai")
                                .param("confirmPassword", "khac-hoan-toan")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "passwordForm", "confirmPassword", "identity.password.mismatch"));

        mvc.perform(as(
                        user.username(),
                        post("/profile/password")
                                .param("currentPassword", IdentityMother.PASSWORD)
                                .param("newPassword", "mat-khau-moi-dai")
                                .param("confirmPassword", "mat-khau-moi-dai")))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(as(user.username(), get("/profile")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Xã Cư Jút")));
    }

    @Test
    void profilePageCreatesATokenShownOnceAndRevokesIt() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "matoken");

        mvc.perform(as(user.username(), post("/profile/tokens").param("name", "Bảng tính")))
                .andExpect(redirectedUrl("/profile"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("newToken"));
        ApiTokenView token =
                identity.listApiTokens(IdentityMother.actorOf(user)).get(0);
        CreatedApiToken shownOnce = identity.createApiToken(IdentityMother.actorOf(user), "Lần hai");
        mvc.perform(as(user.username(), get("/profile")).flashAttr("newToken", shownOnce))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(shownOnce.secret())))
                .andExpect(content().string(Matchers.containsString(token.prefix())));
        mvc.perform(as(user.username(), get("/profile")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(shownOnce.secret()))));

        mvc.perform(as(user.username(), post("/profile/tokens/" + token.id() + "/revoke")))
                .andExpect(redirectedUrl("/profile"));

        assertThat(identity.listApiTokens(IdentityMother.actorOf(user)))
                .filteredOn(t -> t.id() == token.id())
                .singleElement()
                .satisfies(t -> assertThat(t.revoked()).isTrue());
    }

    @Test
    void adminEditsAUserAndTheFormShowsTheCurrentValues() throws Exception {
        UserView user = IdentityMother.createCommuneOfficer(identity, "sua");

        mvc.perform(as("admin", get("/users/" + user.id() + "/edit")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(user.username())));
        mvc.perform(as(
                        "admin",
                        post("/users/" + user.id())
                                .param("displayName", "Tên mới")
                                .param("email", "canbo@example.vn")
                                .param("role", "SUPERVISOR")
                                .param("scopeCode", "24649")
                                .param("enabled", "true")))
                .andExpect(redirectedUrl("/users"));

        UserView updated = identity.getUser(Actor.SYSTEM, user.id());
        assertThat(updated.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(updated.scopeCode()).isEqualTo("24649");
        assertThat(updated.email()).isEqualTo("canbo@example.vn");
        assertThat(events.stream(UserUpdated.class)).anyMatch(e -> e.userId() == user.id());
    }
}
