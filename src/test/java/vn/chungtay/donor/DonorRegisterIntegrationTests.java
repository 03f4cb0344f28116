package vn.chungtay.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.chungtay.donor.DonorMother.CU_JUT;
import static vn.chungtay.donor.DonorMother.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.IntegrationTest;
import vn.chungtay.donor.internal.DonorRules;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.text.VietnameseText;

@IntegrationTest
class DonorRegisterIntegrationTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    DonorDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findOrRegisterReusesTheDonorWithTheSameNameWithoutDiacriticsAndTheSamePhone() {
        String word = DonorMother.word();
        DonorView first = as(
                CU_JUT,
                () -> directory.findOrRegister(new NewDonor(
                        "Nguyễn Thị Đào " + word,
                        DonorKind.INDIVIDUAL,
                        true,
                        "VN",
                        "0905 111 222",
                        null,
                        null,
                        false,
                        false)));
        DonorView again = as(
                CU_JUT,
                () -> directory.findOrRegister(new NewDonor(
                        "nguyen thi  dao " + word.toLowerCase(),
                        DonorKind.INDIVIDUAL,
                        null,
                        null,
                        "+84 905-111-222",
                        "dao@example.com",
                        null,
                        null,
                        null)));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.name()).isEqualTo("Nguyễn Thị Đào " + word);
        assertThat(first.phone()).isEqualTo("0905111222");
        assertThat(countNamed("nguyen thi dao " + word.toLowerCase())).isEqualTo(1);
    }

    @Test
    void findOrRegisterReusesByEMailOrTaxCodeButRegistersANewDonorWhenOnlyTheNameMatches() {
        String name = "Công ty TNHH Thử nghiệm " + DonorMother.word();
        String taxCode = DonorMother.taxCode();
        DonorView business = as(
                CU_JUT,
                () -> donors.register(DonorMother.business(name, taxCode)).donor());
        Registration byTaxCode = as(CU_JUT, () -> donors.register(DonorMother.business(name.toUpperCase(), taxCode)));
        assertThat(byTaxCode.created()).isFalse();
        assertThat(byTaxCode.donor().id()).isEqualTo(business.id());

        String email = DonorMother.email();
        DonorView person = as(
                CU_JUT,
                () -> directory.findOrRegister(new NewDonor(
                        "Trần Văn Bình " + DonorMother.word(),
                        DonorKind.INDIVIDUAL,
                        true,
                        "VN",
                        null,
                        email,
                        null,
                        false,
                        false)));
        DonorView byEmail = as(
                CU_JUT,
                () -> directory.findOrRegister(new NewDonor(
                        person.name(),
                        DonorKind.INDIVIDUAL,
                        true,
                        "VN",
                        DonorMother.phone(),
                        email.toUpperCase(),
                        null,
                        false,
                        false)));
        assertThat(byEmail.id()).isEqualTo(person.id());

        DonorView sameNameOnly = as(CU_JUT, () -> directory.findOrRegister(NewDonor.individual(person.name())));
        DonorView otherPhone = as(
                CU_JUT,
                () -> directory.findOrRegister(new NewDonor(
                        person.name(),
                        DonorKind.INDIVIDUAL,
                        true,
                        "VN",
                        DonorMother.phone(),
                        null,
                        null,
                        false,
                        false)));
        assertThat(sameNameOnly.id()).isNotEqualTo(person.id());
        assertThat(otherPhone.id()).isNotEqualTo(person.id()).isNotEqualTo(sameNameOnly.id());
    }

    @Test
    void searchFindsNguyenTypedWithoutDiacriticsAndDAsD() {
        String word = DonorMother.word();
        DonorView donor = as(
                CU_JUT,
                () -> donors.register(DonorMother.person("Nguyễn Đức Thắng " + word, DonorMother.phone(), null))
                        .donor());

        Page<DonorDetails> found =
                as(CU_JUT, () -> donors.search(new DonorQuery("nguyen duc " + word, null, null, null, false), 0, 25));
        assertThat(found.items()).extracting(DonorDetails::id).containsExactly(donor.id());
        Page<DonorDetails> byPhone =
                as(CU_JUT, () -> donors.search(new DonorQuery(donor.phone(), null, null, null, false), 0, 25));
        assertThat(byPhone.items()).extracting(DonorDetails::id).contains(donor.id());
        Page<DonorDetails> otherKind =
                as(CU_JUT, () -> donors.search(new DonorQuery(word, DonorKind.BUSINESS, null, null, false), 0, 25));
        assertThat(otherKind.items()).isEmpty();
    }

    @Test
    void taxCodeHasTenDigitsOrTenAndThreeForABranch() {
        assertThat(DonorRules.isTaxCode("0101234565")).isTrue();
        assertThat(DonorRules.isTaxCode("0101234565-001")).isTrue();
        assertThat(DonorRules.isTaxCode("0101234565001")).isTrue();
        assertThat(DonorRules.isTaxCode("010123456")).isFalse();
        assertThat(DonorRules.isTaxCode("0101234565-01")).isFalse();
        assertThat(DonorRules.isTaxCode("01012345AB")).isFalse();

        String name = "Doanh nghiệp " + DonorMother.word();
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.register(DonorMother.business(name, "12345"))))
                .isInstanceOfSatisfying(
                        InvalidDonor.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidDonor.Problem::field, InvalidDonor.Problem::messageKey)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("taxCode", "donor.error.taxCode")));
        DonorView branch = as(
                CU_JUT,
                () -> donors.register(DonorMother.business(name, "0101234565 001"))
                        .donor());
        assertThat(branch.taxCode()).isEqualTo("0101234565-001");
        assertThat(countNamed(VietnameseText.fold(name))).isEqualTo(1);
    }

    @Test
    void foreignDonorNeedsAnIsoCountryCode() {
        String name = "Japan Children Friends " + DonorMother.word();
        DonorForm noCountry =
                new DonorForm(DonorKind.ORGANISATION, name, false, "", null, null, null, null, false, false, null);
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.register(noCountry)))
                .isInstanceOfSatisfying(
                        InvalidDonor.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("donor.error.countryRequired"));
        DonorForm unknown =
                new DonorForm(DonorKind.ORGANISATION, name, false, "XZ", null, null, null, null, false, false, null);
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.register(unknown)))
                .isInstanceOfSatisfying(
                        InvalidDonor.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("donor.error.countryUnknown"));

        DonorView japanese = as(
                CU_JUT,
                () -> donors.register(new DonorForm(
                                DonorKind.ORGANISATION, name, null, "jp", null, null, null, null, false, true, null))
                        .donor());
        assertThat(japanese.domestic()).isFalse();
        assertThat(japanese.country()).isEqualTo("JP");
    }

    @Test
    void publicNameIsTheNameOnlyWithConsentAndWithoutAnonymity() {
        String word = DonorMother.word();
        DonorView listed = as(
                CU_JUT,
                () -> donors.register(new DonorForm(
                                DonorKind.INDIVIDUAL,
                                "Hồ Văn Công " + word,
                                true,
                                "VN",
                                null,
                                null,
                                null,
                                null,
                                false,
                                true,
                                null))
                        .donor());
        DonorView anonymous = as(
                CU_JUT,
                () -> donors.register(new DonorForm(
                                DonorKind.INDIVIDUAL,
                                "Hồ Văn Ẩn " + word,
                                true,
                                "VN",
                                null,
                                null,
                                null,
                                null,
                                true,
                                true,
                                null))
                        .donor());
        DonorView noConsent = as(
                CU_JUT,
                () -> donors.register(new DonorForm(
                                DonorKind.INDIVIDUAL,
                                "Hồ Văn Kín " + word,
                                true,
                                "VN",
                                null,
                                null,
                                null,
                                null,
                                false,
                                false,
                                null))
                        .donor());

        assertThat(listed.publicName()).isEqualTo("Hồ Văn Công " + word);
        assertThat(anonymous.publicName()).isEqualTo("Nhà hảo tâm");
        assertThat(noConsent.publicName()).isEqualTo("Nhà hảo tâm");
        DonorDetails details = as(CU_JUT, () -> donors.details(listed.id()));
        assertThat(details.listConsentOn()).isNotNull();
    }

    @Test
    void registrationIsAudited() {
        DonorView donor = as(
                CU_JUT,
                () -> donors.register(DonorMother.person("Lương Thị Nhớ " + DonorMother.word(), null, null))
                        .donor());
        assertThat(jdbc.sql("""
                                select count(*) from audit_entry
                                where entity_type = 'Donor' and entity_id = :id and action = 'CREATE'
                                  and actor = 'xa.cujut' and unit_code = '24640'""")
                        .param("id", donor.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long countNamed(String folded) {
        return jdbc.sql("select count(*) from donor where name_folded = :name")
                .param("name", folded)
                .query(Long.class)
                .single();
    }
}
