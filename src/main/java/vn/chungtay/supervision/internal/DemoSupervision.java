package vn.chungtay.supervision.internal;

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
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;
import vn.chungtay.supervision.Evidence;
import vn.chungtay.supervision.FollowUpForm;
import vn.chungtay.supervision.PlanForm;
import vn.chungtay.supervision.PlanView;
import vn.chungtay.supervision.RecommendationForm;
import vn.chungtay.supervision.RecommendationView;
import vn.chungtay.supervision.SupervisionManagement;
import vn.chungtay.supervision.VisitForm;
import vn.chungtay.supervision.VisitView;

/**
 * One demo supervision plan: the Lâm Đồng province committee (68) supervises Xã Cư Jút and Xã
 * Nam Dong, visits both and issues four recommendations — one overdue, one in progress, one open,
 * one done with evidence. Dates are relative to the day the demo data is loaded, so exactly one is
 * overdue then. The communes' contact addresses are set, so the recommendations are e-mailed.
 * Runs once: nothing happens when the province already has a plan.
 */
@Component
@Order(110)
class DemoSupervision implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    static final Actor SUPERVISOR = new Actor("giamsat.lamdong", Role.SUPERVISOR, "68");
    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");

    private final SupervisionManagement supervision;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoSupervision(SupervisionManagement supervision, JdbcClient jdbc, Environment environment) {
        this.supervision = supervision;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long plans = jdbc.sql("select count(*) from supervision_plan where supervising_unit = '68'")
                .query(Long.class)
                .single();
        if (plans > 0) {
            return;
        }
        CurrentActor.runAs(SUPERVISOR, this::create);
    }

    private void create() {
        LocalDate today = supervision.today();
        supervision.setContact("24640", "mttq.cujut@example.vn");
        supervision.setContact("24649", "mttq.namdong@example.vn");
        PlanView plan = supervision.createPlan(new PlanForm(
                "Giám sát việc vận động, tiếp nhận và phân bổ nguồn lực hỗ trợ trẻ em năm " + today.getYear(),
                "68",
                List.of("24640", "24649"),
                today.minusDays(80).toString(),
                today.minusDays(50).toString(),
                "Ban Thường trực Ủy ban MTTQ tỉnh Lâm Đồng (Trưởng đoàn); Ban Dân chủ – Pháp luật; đại diện Sở Y tế",
                "Kiểm tra sổ sách tiếp nhận, phân bổ; đối chiếu danh sách trẻ em; gặp gỡ người dân tại thôn."));
        VisitView cuJut = supervision.recordVisit(
                plan.id(),
                new VisitForm(
                        "24640",
                        today.minusDays(70).toString(),
                        null,
                        "Xã đã lập sổ theo dõi tiếp nhận và phân bổ đầy đủ; danh sách trẻ em hoàn cảnh đặc biệt tại"
                                + " Buôn Nui chưa được cập nhật; kết quả phân bổ chưa niêm yết tại nhà văn hóa thôn."));
        VisitView namDong = supervision.recordVisit(
                plan.id(),
                new VisitForm(
                        "24649",
                        today.minusDays(63).toString(),
                        null,
                        "Công tác tuyên truyền còn ít tại Bon Đắk Hòa; chứng từ chi hỗ trợ áo ấm thiếu chữ ký người"
                                + " nhận ở một số hộ."));
        RecommendationView overdue = supervision.issue(
                plan.id(),
                new RecommendationForm(
                        Long.toString(cuJut.id()),
                        "24640",
                        "Cập nhật danh sách trẻ em có hoàn cảnh đặc biệt tại Buôn Nui và gửi Ban Thường trực tỉnh.",
                        today.minusDays(25).toString()));
        RecommendationView inProgress = supervision.issue(
                plan.id(),
                new RecommendationForm(
                        Long.toString(cuJut.id()),
                        "24640",
                        "Niêm yết công khai kết quả tiếp nhận, phân bổ tại nhà văn hóa các thôn.",
                        today.plusDays(35).toString()));
        supervision.issue(
                plan.id(),
                new RecommendationForm(
                        Long.toString(namDong.id()),
                        "24649",
                        "Tổ chức ít nhất một buổi tuyên truyền về bảo vệ trẻ em tại Bon Đắk Hòa.",
                        today.plusDays(20).toString()));
        RecommendationView done = supervision.issue(
                plan.id(),
                new RecommendationForm(
                        Long.toString(namDong.id()),
                        "24649",
                        "Bổ sung chữ ký người nhận vào chứng từ chi hỗ trợ áo ấm.",
                        today.minusDays(30).toString()));
        CurrentActor.runAs(
                CU_JUT,
                () -> supervision.followUp(
                        inProgress.id(),
                        new FollowUpForm("IN_PROGRESS", "Đã niêm yết tại 4/8 thôn; các thôn còn lại trong tháng tới."),
                        null));
        CurrentActor.runAs(
                NAM_DONG,
                () -> supervision.followUp(
                        done.id(),
                        new FollowUpForm("DONE", "Đã bổ sung đủ chữ ký người nhận; bản chụp chứng từ kèm theo."),
                        new Evidence("chung-tu-ao-am.pdf", minimalPdf())));
        log.info("Demo supervision plan {} created (recommendation {} overdue)", plan.id(), overdue.id());
    }

    /** A one-page PDF saying what the evidence is. */
    static byte[] minimalPdf() {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return pdf.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
