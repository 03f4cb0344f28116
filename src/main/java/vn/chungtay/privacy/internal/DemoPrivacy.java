package vn.chungtay.privacy.internal;

import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.privacy.Breach;
import vn.chungtay.privacy.BreachForm;
import vn.chungtay.privacy.PrivacyManagement;
import vn.chungtay.privacy.RequestForm;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * One guardian's access request in Xã Cư Jút (received a week ago) and one closed breach of the
 * province (a lost laptop, notified in time). Runs once: nothing happens when either exists.
 */
@Component
@Order(150)
class DemoPrivacy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPrivacy.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final PrivacyManagement privacy;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoPrivacy(PrivacyManagement privacy, JdbcClient jdbc, Environment environment) {
        this.privacy = privacy;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long existing = jdbc.sql(
                        "select (select count(*) from privacy_request) + (select count(*) from privacy_breach)")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        Long child = jdbc.sql("select min(id) from child where commune_code = '24640' and status = 'ACTIVE'")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (child != null) {
            CurrentActor.runAs(
                    new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640"),
                    () -> privacy.receive(new RequestForm(
                            "ACCESS",
                            child,
                            privacy.today().minusDays(7).toString(),
                            "IN_PERSON",
                            "Người giám hộ (dữ liệu mẫu)",
                            "Mẹ",
                            "Xin bản sao hồ sơ của con để kiểm tra thông tin.")));
        }
        CurrentActor.runAs(new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68"), () -> {
            var discovered = privacy.now()
                    .minusDays(40)
                    .withHour(9)
                    .withMinute(0)
                    .withSecond(0)
                    .withNano(0);
            Breach breach = privacy.recordBreach(new BreachForm(
                    discovered.format(LOCAL),
                    "Máy tính xách tay của cán bộ xã bị mất, có tệp danh sách trẻ em chưa mã hóa (dữ liệu mẫu).",
                    "Họ tên, ngày sinh, thôn của trẻ em; họ tên người giám hộ",
                    12,
                    "Đổi mật khẩu, thu hồi phiên đăng nhập, báo công an địa phương."));
            privacy.authorityNotified(breach.id(), discovered.plusHours(30).format(LOCAL));
            privacy.peopleNotified(breach.id(), discovered.plusHours(48).format(LOCAL));
            privacy.close(breach.id(), discovered.plusDays(10).format(LOCAL));
        });
        log.info("Demo privacy request and breach record created");
    }
}
