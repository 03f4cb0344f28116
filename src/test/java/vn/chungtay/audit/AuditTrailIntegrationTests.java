package vn.chungtay.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.VillageForm;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationManagement organisation;

    private OrgUnitView createVillage(String commune) {
        var created = new java.util.concurrent.atomic.AtomicReference<OrgUnitView>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created.set(organisation.createVillage(
                        commune,
                        new VillageForm("Thôn " + UUID.randomUUID().toString().substring(0, 6), "Thôn", false))));
        return created.get();
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditRows() {
        createVillage("24646");
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void supervisorsSeeOnlyTheirScopeAndAdministratorsSeeEverything() throws Exception {
        OrgUnitView inLamDong = createVillage("24640");
        String hanoiCommune =
                organisation.children("01", organisation.today()).get(0).code();
        OrgUnitView inHanoi = createVillage(hanoiCommune);

        mvc.perform(get("/api/v1/audit").param("entity", "OrgUnit").with(httpBasic("giamsat.lamdong", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].entityId", hasItem(inLamDong.code())))
                .andExpect(jsonPath("$[*].entityId", not(hasItem(inHanoi.code()))))
                .andExpect(jsonPath("$[*].unitCode", everyItem(not(org.hamcrest.Matchers.equalTo(hanoiCommune)))));
        mvc.perform(get("/api/v1/audit")
                        .param("entity", "OrgUnit")
                        .param("id", inHanoi.code())
                        .with(httpBasic("admin", "demo12345")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].entityId").value(inHanoi.code()))
                .andExpect(jsonPath("$[0].action").value("CREATE"))
                .andExpect(jsonPath("$[0].actor").value("system"))
                .andExpect(jsonPath("$[0].after.fullName").value(inHanoi.fullName()));
    }

    @Test
    void officersCannotReadTheAuditTrail() throws Exception {
        mvc.perform(get("/api/v1/audit").with(httpBasic("xa.cujut", "demo12345")))
                .andExpect(status().isForbidden());
    }
}
