package vn.chungtay.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.PeriodForm;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportView;
import vn.chungtay.reporting.ReportingSetup;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * The demo's reporting: the programme's template and three yearly periods (to 30 June, due 10
 * July): 2024–2025 reported by the old communes of Cư Jút district (before the reform, to the
 * district; most accepted), 2025–2026 by the three demo communes (Cư Jút returned then accepted,
 * Nam Dong late and accepted, Đắk Wil awaiting the province) and 2026–2027 open as drafts; and
 * the e-mail addresses of the province and communes (example.vn). Figures from before the system
 * are entered as adjustments with a note, as an officer would from the paper records. Once: nothing
 * happens when the template exists.
 */
@Component
@Order(140)
class DemoReports implements ApplicationRunner {

    static final String PROGRAMME = "DA588";
    static final String TITLE = "Kết quả thực hiện Đề án “Vận động nguồn lực xã hội hỗ trợ trẻ em các xã đặc biệt khó"
            + " khăn thuộc vùng dân tộc thiểu số và miền núi”";
    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);
    private static final String PAPER = "Số liệu tổng hợp từ sổ theo dõi của xã (trước khi dùng hệ thống).";

    private static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");
    private static final Actor DISTRICT = new Actor("huyen.cujut", Role.PROVINCE_OFFICER, "662");

    private final ReportingSetup setup;
    private final ReportWorkflow workflow;
    private final ReportStore reports;
    private final ReportUnits units;
    private final Indicators indicators;
    private final TransactionTemplate transaction;
    private final Environment environment;

    DemoReports(
            ReportingSetup setup,
            ReportWorkflow workflow,
            ReportStore reports,
            ReportUnits units,
            Indicators indicators,
            PlatformTransactionManager transactions,
            Environment environment) {
        this.setup = setup;
        this.workflow = workflow;
        this.reports = reports;
        this.units = units;
        this.indicators = indicators;
        this.transaction = new TransactionTemplate(transactions);
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment) || setup.template(PROGRAMME).isPresent()) {
            return;
        }
        if (units.unit("24640", units.today()).isEmpty()) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, () -> transaction.executeWithoutResult(status -> create()));
        log.info("Demo reports created: programme {}, periods 2024, 2025 and 2026", PROGRAMME);
    }

    private void create() {
        setup.defineTemplate(PROGRAMME, TITLE, List.of(), ReportingSetup.DEFAULT_SECTIONS);
        PeriodView old = period("2024", "năm 2024–2025", 2024);
        PeriodView last = period("2025", "năm 2025–2026", 2025);
        period("2026", "năm 2026–2027", 2026);

        // 2024–2025: the old communes of Cư Jút district, to the district (two did not report)
        oldCommune(old, "24640", at(2025, 7, 4), true);
        oldCommune(old, "24661", at(2025, 7, 8), true);
        oldCommune(old, "24646", at(2025, 7, 9), true);
        oldCommune(old, "24643", at(2025, 7, 14), true);
        oldCommune(old, "24649", at(2025, 7, 7), true);
        oldCommune(old, "24652", at(2025, 7, 10), false);

        // 2025–2026: Cư Jút returned then accepted, Nam Dong late, Đắk Wil awaiting the province
        Actor cuJut = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
        ReportView cj = draft(last, "24640", cuJut, at(2026, 6, 25), 1);
        step(cuJut, () -> workflow.submit(row(cj), last, cuJut, at(2026, 7, 8)));
        step(
                PROVINCE,
                () -> workflow.returnToUnit(
                        row(cj),
                        last,
                        "Đề nghị bổ sung số trẻ em được hỗ trợ theo từng thôn, buôn và nêu rõ khó khăn về nguồn lực.",
                        PROVINCE,
                        at(2026, 7, 11)));
        step(
                cuJut,
                () -> workflow.write(
                        row(cj),
                        last,
                        Map.of("RESULTS", narrative(last, "Xã Cư Jút") + " Đã bổ sung số liệu theo từng thôn, buôn."),
                        null,
                        cuJut,
                        at(2026, 7, 12)));
        step(cuJut, () -> workflow.submit(row(cj), last, cuJut, at(2026, 7, 12)));
        step(PROVINCE, () -> workflow.accept(row(cj), last, PROVINCE, at(2026, 7, 14)));

        Actor namDong = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");
        ReportView nd = draft(last, "24649", namDong, at(2026, 7, 1), 2);
        step(namDong, () -> workflow.submit(row(nd), last, namDong, at(2026, 7, 16)));
        step(PROVINCE, () -> workflow.accept(row(nd), last, PROVINCE, at(2026, 7, 17)));

        Actor dakWil = new Actor("xa.dakwil", Role.COMMUNE_OFFICER, "24646");
        ReportView dw = draft(last, "24646", dakWil, at(2026, 7, 2), 3);
        step(dakWil, () -> workflow.submit(row(dw), last, dakWil, at(2026, 7, 9)));

        // 2026–2027: open, figures filling themselves from the records
        PeriodView current = setup.period(PROGRAMME, "2026").orElseThrow();
        Instant now = Instant.now();
        for (String code : List.of("24640", "24649")) {
            OrgUnitView unit = units.unit(code, current.endsOn()).orElseThrow();
            workflow.open(current, unit, Actor.SYSTEM, now);
        }
        // the addresses last, so the demo's past submissions are not mailed
        setup.setAddress("68", "mttq.lamdong@example.vn");
        setup.setAddress("24640", "mttq.cujut@example.vn");
        setup.setAddress("24649", "mttq.namdong@example.vn");
        setup.setAddress("24646", "mttq.dakwil@example.vn");
        setup.setAddress("662", "mttq.huyencujut@example.vn");
    }

    private PeriodView period(String code, String name, int year) {
        return setup.createPeriod(new PeriodForm(
                PROGRAMME,
                code,
                name,
                LocalDate.of(year, 7, 1).toString(),
                LocalDate.of(year + 1, 6, 30).toString(),
                null,
                null,
                null,
                null));
    }

    /** An old commune's report, to the district, with its figures from the paper records. */
    private void oldCommune(PeriodView period, String code, Instant submitted, boolean accepted) {
        OrgUnitView unit = units.unit(code, period.endsOn()).orElseThrow();
        Actor officer = new Actor("xa." + code, Role.COMMUNE_OFFICER, code);
        ReportView report = draft(period, code, officer, submitted.minusSeconds(3 * 86400), Integer.parseInt(code));
        step(officer, () -> workflow.submit(row(report), period, officer, submitted));
        if (accepted) {
            step(DISTRICT, () -> workflow.accept(row(report), period, DISTRICT, submitted.plusSeconds(2 * 86400)));
        }
        log.debug("Demo 2024 report of {}", unit.fullName());
    }

    /** A draft with the narrative written and the paper figures entered as adjustments. */
    private ReportView draft(PeriodView period, String code, Actor officer, Instant at, int seed) {
        OrgUnitView unit = units.unit(code, period.endsOn()).orElseThrow();
        ReportView report = step(officer, () -> workflow.open(period, unit, officer, at));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("RESULTS", narrative(period, unit.fullName()));
        sections.put(
                "DIFFICULTIES",
                "Địa bàn rộng, nhiều thôn, buôn ở xa; nguồn lực vận động còn phụ thuộc vào các đợt cao điểm"
                        + " tháng 10 – 11; một số hộ chưa kịp cập nhật thông tin trẻ em.");
        sections.put(
                "PROPOSALS",
                "Đề nghị cấp trên tiếp tục kết nối nhà tài trợ cho các thôn, buôn đặc biệt khó khăn và hỗ trợ kinh"
                        + " phí in ấn tài liệu tuyên truyền bằng tiếng dân tộc.");
        step(
                officer,
                () -> workflow.write(row(report), period, sections, Integer.toString(10 + seed % 40), officer, at));
        for (FigureView figure : report.figures()) {
            IndicatorDefinition d = figure.definition();
            if (!figure.provided() || !d.summable()) {
                continue;
            }
            long value = paperValue(d, seed);
            step(officer, () -> workflow.adjust(row(report), period, d.code(), value, PAPER, at));
        }
        return report;
    }

    private static String narrative(PeriodView period, String unitName) {
        return "Trong " + period.name() + ", Ban Thường trực Ủy ban MTTQ Việt Nam " + unitName
                + " đã phối hợp với các đoàn thể tuyên truyền đến từng thôn, buôn về chăm sóc, giáo dục và bảo vệ"
                + " trẻ em; vận động các nhà hảo tâm hỗ trợ áo ấm, học bổng và bữa ăn bán trú cho trẻ em các thôn,"
                + " buôn đặc biệt khó khăn.";
    }

    /** A plausible figure for the demo, different per unit and indicator. */
    static long paperValue(IndicatorDefinition d, int seed) {
        int spread = Math.floorMod(d.code().hashCode() * 31 + seed * 17, 97);
        return switch (d.unit()) {
            case VND -> (5 + spread) * 1_000_000L;
            case PEOPLE -> 20 + spread * 4L;
            case COUNT -> 1 + spread % 25;
        };
    }

    private ReportRow row(ReportView report) {
        return reports.find(report.id()).orElseThrow();
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 30)
                .atZone(ReportingSettings.ZONE)
                .toInstant();
    }

    private static <T> T step(Actor actor, Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(actor, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
