package vn.chungtay.donor.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.donor.DonorForm;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorManagement;
import vn.chungtay.donor.DonorView;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.identity.NewDonorAccount;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * About 40 demo donors registered by the demo communes and the province: people with Vietnamese
 * names (some anonymous, some agreeing to be listed), businesses with tax codes, a fund, a Japanese
 * organisation and a Korean donor; two pairs of likely duplicates for the duplicates page; and the
 * demo DONOR account {@code nha.hao.tam} (password {@code demo12345}) linked to one of them. Runs
 * after the demo accounts, once: nothing happens when the demo donor of that account exists.
 */
@Component
@Order(70)
class DemoDonors implements ApplicationRunner {

    static final String ACCOUNT = "nha.hao.tam";
    static final String ACCOUNT_EMAIL = "nha.hao.tam@example.com";
    static final String PASSWORD = "demo12345";

    private static final Logger log = LoggerFactory.getLogger(DemoDonors.class);

    record Demo(String registeredBy, DonorForm form) {}

    private static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    private static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");
    private static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");

    private final DonorManagement donors;
    private final IdentityManagement identity;
    private final PasswordEncoder passwordEncoder;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment environment;

    DemoDonors(
            DonorManagement donors,
            IdentityManagement identity,
            PasswordEncoder passwordEncoder,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Environment environment) {
        this.donors = donors;
        this.identity = identity;
        this.passwordEncoder = passwordEncoder;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)
                || organisation.find("24640", organisation.today()).isEmpty()) {
            return;
        }
        boolean present = jdbc.sql("select count(*) from donor where email = :email")
                        .param("email", ACCOUNT_EMAIL)
                        .query(Long.class)
                        .single()
                > 0;
        if (present) {
            return;
        }
        LocalDate since = organisation.today().minusMonths(3);
        transaction.executeWithoutResult(status -> {
            CurrentActor.runAs(CU_JUT, () -> cuJut(since));
            CurrentActor.runAs(NAM_DONG, () -> namDong(since));
            CurrentActor.runAs(PROVINCE, () -> province(since));
            CurrentActor.runAs(CU_JUT, this::duplicates);
            CurrentActor.runAs(CU_JUT, this::donorAccount);
        });
        log.info("Created the demo donors and the demo donor account {} (password {})", ACCOUNT, PASSWORD);
    }

    private void cuJut(LocalDate since) {
        register(person("Nguyễn Văn An", "0905123401", null, false, since));
        register(person("Trần Thị Bích Ngọc", "0905123402", "bichngoc.tran@example.com", false, since));
        register(person("Lê Văn Cường", "0905123403", null, false, null));
        register(person("Phạm Thị Dung", null, "dung.pham@example.com", true, null));
        register(person("Hoàng Minh Đức", "0905123405", null, false, since));
        register(person("Vũ Thị Hằng", "0905123406", null, true, null));
        register(person("Y Khuê Niê", "0905123407", null, false, since));
        register(person("H'Hen Mlô", "0905123408", null, false, null));
        register(person("Đặng Quốc Khánh", "0905123409", "khanh.dang@example.com", false, since));
        register(person("Bùi Thị Lan", "0905123410", null, true, null));
        register(person("Ngô Văn Lợi", "0905123411", null, false, since));
        register(person("Đinh Thị Mai", "0905123412", null, false, null));
        register(business("Công ty TNHH Nông sản Cư Jút", "6400123455", "0261388001", since));
        register(business("Công ty Cổ phần Xây dựng Ea T'ling", "6400234564", null, since));
        register(business("Hợp tác xã Cà phê Trúc Sơn", "6400456782", "0261388003", null));
        register(new DonorForm(
                DonorKind.ORGANISATION,
                "Hội Liên hiệp Phụ nữ xã Cư Jút",
                true,
                "VN",
                "0261388004",
                null,
                "Xã Cư Jút, tỉnh Lâm Đồng",
                null,
                false,
                true,
                since));
    }

    private void namDong(LocalDate since) {
        register(person("Nguyễn Thị Thu Trang", "0914123401", null, false, since));
        register(person("Trịnh Văn Sơn", "0914123402", "son.trinh@example.com", false, since));
        register(person("Lý Thị Phương", null, "phuong.ly@example.com", true, null));
        register(person("Mai Văn Tài", "0914123404", null, false, null));
        register(person("Hà Thị Yến", "0914123405", null, true, null));
        register(person("Phan Văn Hùng", "0914123406", null, false, since));
        register(person("Tô Thị Kim Oanh", "0914123407", null, false, since));
        register(person("Y Bhin Êban", "0914123408", null, false, null));
        register(business("Doanh nghiệp tư nhân Vật tư Nam Dong", "6400789012", "0261389001", since));
        register(business("Công ty TNHH Thương mại Đắk D'rông", "6400111227", null, null));
    }

    private void province(LocalDate since) {
        register(business("Ngân hàng TMCP Phát triển Lâm Đồng", "5800987659", "0263382001", since));
        register(business("Công ty Cổ phần Chè Bảo Lộc", "5800678918", null, since));
        register(business("Công ty TNHH Du lịch Đà Lạt Xanh – Chi nhánh Cư Jút", "5800678918-001", null, since));
        register(business("Tổng công ty Sữa Việt Nam (đơn vị tài trợ)", "0101234565", "0283815001", since));
        register(new DonorForm(
                DonorKind.FUND,
                "Quỹ Bảo trợ trẻ em tỉnh Lâm Đồng",
                true,
                "VN",
                "0263382100",
                "quybaotro@example.com",
                "Đà Lạt, tỉnh Lâm Đồng",
                null,
                false,
                true,
                since));
        register(new DonorForm(
                DonorKind.ORGANISATION,
                "Hội Hữu nghị Nhật – Việt Osaka",
                false,
                "JP",
                "+81661234567",
                "contact@nichietsu-osaka.example.com",
                "Osaka, Nhật Bản",
                null,
                false,
                true,
                since));
        register(new DonorForm(
                DonorKind.INDIVIDUAL,
                "Kim Min-jun",
                false,
                "KR",
                "+821012345678",
                null,
                "Seoul, Hàn Quốc",
                null,
                false,
                true,
                since));
        register(new DonorForm(
                DonorKind.ORGANISATION,
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Lâm Đồng",
                true,
                "VN",
                "0263382200",
                null,
                null,
                null,
                false,
                true,
                since));
    }

    /**
     * Two likely duplicates: the same person registered again with only an e-mail and later given
     * the same phone (a shared phone), and a cooperative registered a second time by phone only,
     * without the tax code the first one has (nothing tells them apart).
     */
    private void duplicates() {
        register(person("Lê Thị Thu Hà", "0905999001", null, false, null));
        DonorView second = register(person("Le Thi Thu Ha", null, "thuha.le@example.com", false, null));
        donors.update(
                second.id(),
                new DonorForm(
                        DonorKind.INDIVIDUAL,
                        "Le Thi Thu Ha",
                        true,
                        "VN",
                        "090 599 9001",
                        "thuha.le@example.com",
                        null,
                        null,
                        false,
                        false,
                        null));
        register(business("Công ty TNHH Cà phê Đắk Nông Xanh", "6400011122", null, null));
        register(new DonorForm(
                DonorKind.BUSINESS,
                "Cong ty TNHH Ca phe Dak Nong Xanh",
                true,
                "VN",
                "0261388777",
                null,
                null,
                null,
                false,
                false,
                null));
    }

    private void donorAccount() {
        DonorView donor = register(new DonorForm(
                DonorKind.INDIVIDUAL,
                "Đỗ Thị Thanh Tâm",
                true,
                "VN",
                "0905123499",
                ACCOUNT_EMAIL,
                "Xã Cư Jút, tỉnh Lâm Đồng",
                null,
                false,
                true,
                organisation.today().minusMonths(1)));
        identity.createDonorAccount(new NewDonorAccount(
                ACCOUNT,
                donor.name(),
                ACCOUNT_EMAIL,
                passwordEncoder.encode(PASSWORD),
                donor.id().value()));
    }

    private DonorView register(DonorForm form) {
        return donors.register(form).donor();
    }

    private static DonorForm person(String name, String phone, String email, boolean anonymous, LocalDate consent) {
        return new DonorForm(
                DonorKind.INDIVIDUAL, name, true, "VN", phone, email, null, null, anonymous, consent != null, consent);
    }

    private static DonorForm business(String name, String taxCode, String phone, LocalDate consent) {
        return new DonorForm(
                DonorKind.BUSINESS, name, true, "VN", phone, null, null, taxCode, false, consent != null, consent);
    }
}
