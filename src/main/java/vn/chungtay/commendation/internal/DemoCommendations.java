package vn.chungtay.commendation.internal;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.commendation.CommendationManagement;
import vn.chungtay.commendation.Proposal;
import vn.chungtay.commendation.RuleForm;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * Demo commendations: Lâm Đồng's rules for 2025 and the current year (set by the province
 * officer), and, when the ledger and the donor register hold gifts, the proposals of Cư Jút (a
 * draft) and Nam Dong (submitted to the province) for the current year. Runs after the demo gifts
 * (order 80); idempotent.
 */
@Component
@Order(130)
class DemoCommendations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCommendations.class);
    private static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");

    /** level, form, donor group, origin, threshold in đồng. */
    record Rule(String level, String form, String group, String origin, long threshold) {}

    static final List<Rule> RULES = List.of(
            new Rule("COMMUNE", "THU_CAM_ON", "INDIVIDUAL", "DOMESTIC", 2_000_000),
            new Rule("COMMUNE", "GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 10_000_000),
            new Rule("COMMUNE", "THU_CAM_ON", "COLLECTIVE", "DOMESTIC", 5_000_000),
            new Rule("COMMUNE", "GIAY_KHEN", "COLLECTIVE", "DOMESTIC", 20_000_000),
            new Rule("COMMUNE", "BANG_KHEN", "COLLECTIVE", "DOMESTIC", 100_000_000),
            new Rule("COMMUNE", "THU_CAM_ON", "INDIVIDUAL", "FOREIGN", 1_000_000),
            new Rule("COMMUNE", "THU_CAM_ON", "COLLECTIVE", "FOREIGN", 1_000_000),
            new Rule("PROVINCE", "BANG_KHEN", "INDIVIDUAL", "DOMESTIC", 50_000_000),
            new Rule("PROVINCE", "BANG_KHEN", "COLLECTIVE", "DOMESTIC", 200_000_000),
            new Rule("PROVINCE", "THU_CAM_ON", "COLLECTIVE", "FOREIGN", 5_000_000));

    private final CommendationManagement commendations;
    private final CandidateSource source;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoCommendations(
            CommendationManagement commendations,
            CandidateSource source,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            Environment environment) {
        this.commendations = commendations;
        this.source = source;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        int year = organisation.today().getYear();
        CurrentActor.runAs(PROVINCE, () -> {
            for (int y : List.of(2025, year)) {
                boolean present = jdbc.sql("select count(*) from commendation_rule where unit_code = '68' and year = ?")
                                .param(y)
                                .query(Long.class)
                                .single()
                        > 0;
                if (present) {
                    continue;
                }
                for (Rule rule : RULES) {
                    commendations.saveRule(new RuleForm(
                            "68",
                            y,
                            rule.level(),
                            rule.form(),
                            rule.group(),
                            rule.origin(),
                            rule.threshold(),
                            "DELIVERED"));
                }
            }
        });
        boolean proposed = jdbc.sql("select count(distinct unit_code) from commendation_proposal"
                                + " where unit_code in ('24640', '24649') and year = ?")
                        .param(year)
                        .query(Long.class)
                        .single()
                == 2;
        if (proposed) {
            // both demo proposals exist: no need to read the ledger's gifts (a scan of millions at national scale)
            return;
        }
        if (!source.available()) {
            log.info("Demo commendation proposals skipped: the ledger or the donor register is not deployed");
            return;
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        if (source.values(from, to, List.of("24640", "24649"), false).isEmpty()) {
            log.info("Demo commendation proposals skipped: no gifts to Cư Jút or Nam Dong in {} in the ledger", year);
            return;
        }
        propose(new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640"), "24640", year, from, to, false);
        propose(new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649"), "24649", year, from, to, true);
    }

    private void propose(Actor officer, String commune, int year, LocalDate from, LocalDate to, boolean submit) {
        boolean present = jdbc.sql("select count(*) from commendation_proposal where unit_code = ? and year = ?")
                        .params(commune, year)
                        .query(Long.class)
                        .single()
                > 0;
        if (present) {
            return;
        }
        CurrentActor.runAs(officer, () -> {
            Proposal proposal = commendations.generate(commune, year, from, to);
            if (submit && !proposal.proposed().isEmpty()) {
                commendations.submit(proposal.id());
            }
            log.info(
                    "Demo commendation proposal of {}: {} candidates{}",
                    commune,
                    proposal.candidates().size(),
                    submit ? ", submitted" : "");
        });
    }
}
