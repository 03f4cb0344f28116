package vn.chungtay.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.identity.SignedInUser;

@IntegrationTest
class DemoDonorsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DonorDirectory directory;

    @Autowired
    UserDetailsService userDetailsService;

    @Test
    void demoDonorsCoverEveryKindAForeignOrganisationAndAnonymousPeople() {
        var kinds = jdbc.sql(
                        "select distinct kind from donor where created_by in ('xa.cujut', 'xa.namdong', 'tinh.lamdong')")
                .query(String.class)
                .list();
        assertThat(kinds).contains("INDIVIDUAL", "ORGANISATION", "BUSINESS", "FUND");
        assertThat(count("select count(*) from donor where name = 'Hội Hữu nghị Nhật – Việt Osaka' and country = 'JP'"
                        + " and not domestic"))
                .isEqualTo(1);
        assertThat(count("select count(*) from donor where anonymous and created_by = 'xa.cujut'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from donor where tax_code is not null and kind = 'BUSINESS'"))
                .isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from donor where created_by in ('xa.cujut', 'xa.namdong', 'tinh.lamdong')"))
                .isGreaterThanOrEqualTo(38);
    }

    @Test
    void demoDonorAccountSignsInAndIsLinkedToItsDonor() throws Exception {
        mvc.perform(formLogin("/login").user("nha.hao.tam").password("demo12345"))
                .andExpect(authenticated().withUsername("nha.hao.tam").withRoles("DONOR"));
        SignedInUser principal = (SignedInUser) userDetailsService.loadUserByUsername("nha.hao.tam");
        DonorView donor = directory.get(new DonorId(principal.donorId().orElseThrow()));
        assertThat(donor.name()).isEqualTo("Đỗ Thị Thanh Tâm");
        assertThat(donor.publicName()).isEqualTo("Đỗ Thị Thanh Tâm");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
