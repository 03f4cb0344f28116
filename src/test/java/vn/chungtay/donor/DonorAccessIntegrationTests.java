package vn.chungtay.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.donor.DonorMother.CU_JUT;
import static vn.chungtay.donor.DonorMother.NAM_DONG;
import static vn.chungtay.donor.DonorMother.as;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

@IntegrationTest
class DonorAccessIntegrationTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetailsService;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor signedIn(String username) {
        return user(userDetailsService.loadUserByUsername(username));
    }

    private long countNamed(String name) {
        return jdbc.sql("select count(*) from donor where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    // ---- scope ------------------------------------------------------------------------------------

    @Test
    void officersSeeTheDonorsOfUnitsWithinTheirScopeAndAdminSeesAll() throws Exception {
        String word = DonorMother.word();
        DonorView cuJut = as(
                CU_JUT,
                () -> donors.register(DonorMother.person("Cù Văn Sáng " + word, null, null))
                        .donor());
        DonorView namDong = as(
                NAM_DONG,
                () -> donors.register(DonorMother.person("Cù Văn Tối " + word, null, null))
                        .donor());

        assertThat(idsFound(CU_JUT, word)).containsExactly(cuJut.id());
        assertThat(idsFound(NAM_DONG, word)).containsExactly(namDong.id());
        assertThat(idsFound(DonorMother.PROVINCE, word)).containsExactlyInAnyOrder(cuJut.id(), namDong.id());
        assertThat(idsFound(DonorMother.SUPERVISOR, word)).containsExactlyInAnyOrder(cuJut.id(), namDong.id());
        assertThat(idsFound(DonorMother.ADMIN, word)).containsExactlyInAnyOrder(cuJut.id(), namDong.id());
        assertThatThrownBy(() -> as(NAM_DONG, () -> donors.details(cuJut.id()))).isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() ->
                        as(new Actor("nha.hao.tam", Role.DONOR, "DONOR"), () -> donors.search(DonorQuery.all(), 0, 10)))
                .isInstanceOf(OutsideScope.class);

        mvc.perform(get("/donors/" + cuJut.id()).with(signedIn("xa.namdong"))).andExpect(status().isForbidden());
        mvc.perform(get("/donors").with(signedIn("nha.hao.tam"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/donors/" + cuJut.id()).with(httpBasic("xa.namdong", "demo12345")))
                .andExpect(status().isForbidden());
    }

    @Test
    void supervisorReadsADonorButCannotChangeIt() throws Exception {
        DonorView donor = as(
                CU_JUT,
                () -> donors.register(DonorMother.person("Giám Văn Sát " + DonorMother.word(), null, null))
                        .donor());
        String html = mvc.perform(get("/donors/" + donor.id()).with(signedIn("giamsat.lamdong")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("fieldset[disabled]")).isNotEmpty();
        assertThatThrownBy(() -> as(
                        DonorMother.SUPERVISOR, () -> donors.update(donor.id(), DonorMother.person("Đổi", null, null))))
                .isInstanceOf(OutsideScope.class);
        mvc.perform(get("/donors/new").with(signedIn("giamsat.lamdong"))).andExpect(status().isForbidden());
    }

    // ---- pages ------------------------------------------------------------------------------------

    @Test
    void listFindsDonorsTypedWithoutDiacriticsAndShowsAnEmptyState() throws Exception {
        String word = DonorMother.word();
        as(CU_JUT, () -> donors.register(DonorMother.person("Đoàn Thị Ánh " + word, null, null)));
        mvc.perform(get("/donors")
                        .param("q", "doan thi anh " + word.toLowerCase())
                        .with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đoàn Thị Ánh " + word)));
        mvc.perform(get("/donors")
                        .param("q", "doan thi anh " + word.toLowerCase())
                        .header("HX-Request", "true")
                        .with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đoàn Thị Ánh " + word)))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/donors").param("q", "khong co ai " + word).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("donor-empty")));
    }

    @Test
    void officerRegistersADonorOnThePageAndSeesTheTaxCodeRuleInVietnamese() throws Exception {
        String name = "Công ty Cổ phần Trang " + DonorMother.word();
        mvc.perform(post("/donors")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("kind", "BUSINESS")
                        .param("name", name)
                        .param("domestic", "true")
                        .param("country", "VN")
                        .param("taxCode", "640012")
                        .param("listConsentOn", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Mã số thuế không hợp lệ: phải gồm 10 chữ số")));
        assertThat(countNamed(name)).isZero();

        String taxCode = DonorMother.taxCode();
        String location = mvc.perform(post("/donors")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("kind", "BUSINESS")
                        .param("name", name)
                        .param("domestic", "true")
                        .param("country", "VN")
                        .param("taxCode", taxCode)
                        .param("listConsent", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashSuccess", containsString("Đã thêm nhà tài trợ")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(taxCode)));
        // the same again: the existing donor, not a new one
        mvc.perform(post("/donors")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("kind", "BUSINESS")
                        .param("name", name.toLowerCase())
                        .param("domestic", "true")
                        .param("taxCode", taxCode))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashWarning", containsString("đã có trong danh sách")));
        assertThat(countNamed(name)).isEqualTo(1);
        // a malformed date is named, not a server error
        mvc.perform(post(location)
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("kind", "BUSINESS")
                        .param("name", name)
                        .param("domestic", "true")
                        .param("taxCode", taxCode)
                        .param("listConsent", "true")
                        .param("listConsentOn", "hôm qua"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giá trị không hợp lệ.")));
    }

    // ---- API --------------------------------------------------------------------------------------

    @Test
    void apiRegistersADonorOnceAndAnswersTheExistingOneAfterwards() throws Exception {
        String name = "Nguyễn Hữu Lộc " + DonorMother.word();
        String phone = DonorMother.phone();
        String body = """
                {"kind": "INDIVIDUAL", "name": "%s", "phone": "%s", "anonymous": true}""".formatted(name, phone);
        String created = mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.publicName").value("Nhà hảo tâm"))
                .andExpect(jsonPath("$.registeredUnitCode").value("24640"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace(name, vn.chungtay.shared.text.VietnameseText.fold(name))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/donors/" + id).with(httpBasic("tinh.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(phone));
        mvc.perform(get("/api/v1/donors")
                        .param("q", vn.chungtay.shared.text.VietnameseText.fold(name))
                        .with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void apiAnswersBadInputWith400NamingTheFieldInVietnameseAndWritesNothing() throws Exception {
        String name = "Công ty Lỗi " + DonorMother.word();
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "BUSINESS", "name": "%s", "taxCode": "12345-678"}""".formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("taxCode"))
                .andExpect(jsonPath("$.message").value(containsString("Mã số thuế không hợp lệ")));
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "ROBOT", "name": "%s"}""".formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.message").value(containsString("kind")));
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "INDIVIDUAL", "name": " ", "email": "khong-phai-email"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("email"));
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("xa.cujut", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/donors").param("kind", "ROBOT").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        assertThat(countNamed(name)).isZero();
        mvc.perform(get("/api/v1/donors/99999999").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/donors")
                        .with(httpBasic("giamsat.lamdong", "demo12345"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "INDIVIDUAL", "name": "%s"}""".formatted(name)))
                .andExpect(status().isForbidden());
        assertThat(countNamed(name)).isZero();
    }

    private java.util.List<DonorId> idsFound(Actor actor, String word) {
        return as(actor, () -> donors.search(new DonorQuery(word, null, null, null, false), 0, 50)).items().stream()
                .map(DonorDetails::id)
                .toList();
    }
}
