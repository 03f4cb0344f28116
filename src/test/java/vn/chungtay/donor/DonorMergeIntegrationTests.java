package vn.chungtay.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.chungtay.donor.DonorMother.CU_JUT;
import static vn.chungtay.donor.DonorMother.NAM_DONG;
import static vn.chungtay.donor.DonorMother.PROVINCE;
import static vn.chungtay.donor.DonorMother.as;

import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.chungtay.IntegrationTest;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.OutsideScope;

@IntegrationTest
class DonorMergeIntegrationTests {

    @Autowired
    DonorManagement donors;

    @Autowired
    DonorDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetailsService;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor signedIn(String username) {
        return user(userDetailsService.loadUserByUsername(username));
    }

    /** Two records of one person: the second made without contact and later given the same phone. */
    private List<DonorView> samePhonePair(String name) {
        String phone = DonorMother.phone();
        DonorView first = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, phone, null)).donor());
        String email = DonorMother.email();
        String plain = vn.chungtay.shared.text.VietnameseText.fold(name);
        DonorView second = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(plain, null, email)).donor());
        as(CU_JUT, () -> donors.update(second.id(), DonorMother.person(plain, phone, email)));
        return List.of(first, second);
    }

    private List<DuplicatePair> allDuplicates() {
        Page<DuplicatePair> first = as(CU_JUT, () -> donors.duplicates(0, 100));
        return IntStream.range(0, first.totalPages())
                .mapToObj(p -> as(CU_JUT, () -> donors.duplicates(p, 100)))
                .flatMap(page -> page.items().stream())
                .toList();
    }

    private DuplicatePair pairOf(DonorId a, DonorId b) {
        return allDuplicates().stream()
                .filter(p -> p.first().id().equals(a) && p.second().id().equals(b))
                .findFirst()
                .orElse(null);
    }

    @Test
    void duplicatesListPairsWithTheSameNameAndPhoneAndSayWhy() {
        List<DonorView> pair = samePhonePair("Phùng Thị Duyên " + DonorMother.word());

        DuplicatePair found = pairOf(pair.get(0).id(), pair.get(1).id());
        assertThat(found).isNotNull();
        assertThat(found.strong()).isTrue();
        assertThat(found.reasons())
                .containsExactly("donor.duplicates.reason.sameName", "donor.duplicates.reason.phone");
    }

    @Test
    void duplicatesListTheSameNameWhenOneLacksContactButNotTwoDifferentPhones() {
        String name = "Quách Văn Tường " + DonorMother.word();
        DonorView withPhone = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, DonorMother.phone(), null))
                        .donor());
        DonorView bare = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, null, null)).donor());
        DonorView otherPhone = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, DonorMother.phone(), null))
                        .donor());

        DuplicatePair weak = pairOf(withPhone.id(), bare.id());
        assertThat(weak).isNotNull();
        assertThat(weak.strong()).isFalse();
        assertThat(weak.reasons()).contains("donor.duplicates.reason.missingContact");
        assertThat(pairOf(withPhone.id(), otherPhone.id()))
                .as("two different phones: two people")
                .isNull();
        assertThat(pairOf(bare.id(), otherPhone.id())).isNotNull();

        as(CU_JUT, () -> donors.markDistinct(otherPhone.id(), bare.id()));
        assertThat(pairOf(bare.id(), otherPhone.id()))
                .as("marked as different donors")
                .isNull();
    }

    @Test
    void mergeKeepsTheSurvivorsIdAndTheMergedRecordWithItsHistory() {
        List<DonorView> pair = samePhonePair("Kiều Thị Mến " + DonorMother.word());
        DonorView survivor = pair.get(0);
        DonorView merged = pair.get(1);
        assertThat(survivor.email()).isNull();

        DonorView result = as(CU_JUT, () -> donors.merge(survivor.id(), merged.id(), "Cùng số điện thoại"));

        assertThat(result.id()).isEqualTo(survivor.id());
        assertThat(result.email()).as("the survivor took the e-mail it lacked").isEqualTo(merged.email());
        assertThat(directory.get(merged.id()).id()).as("get follows merges").isEqualTo(survivor.id());
        assertThat(directory.find(merged.id())).map(DonorView::id).contains(survivor.id());
        assertThat(directory.identities(merged.id())).containsExactlyInAnyOrder(survivor.id(), merged.id());
        DonorDetails kept = as(CU_JUT, () -> donors.details(merged.id()));
        assertThat(kept.donor().name()).isEqualTo(merged.name());
        assertThat(kept.donor().mergedInto()).isEqualTo(survivor.id());
        List<MergeRecord> history = as(CU_JUT, () -> donors.history(survivor.id()));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).mergedBy()).isEqualTo("xa.cujut");
        assertThat(history.get(0).reason()).isEqualTo("Cùng số điện thoại");
        assertThat(history.get(0).filledFields()).containsExactly("email");
        assertThat(pairOf(survivor.id(), merged.id()))
                .as("merged pairs leave the duplicates page")
                .isNull();
        assertThat(jdbc.sql("""
                                select count(*) from audit_entry where entity_type = 'Donor' and entity_id = :id
                                  and action = 'MERGE' and actor = 'xa.cujut'
                                  and after ->> 'mergedInto' = :survivor""")
                        .param("id", merged.id().toString())
                        .param("survivor", survivor.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.update(merged.id(), DonorMother.person("X", null, null))))
                .isInstanceOf(DonorRuleBroken.class);
    }

    @Test
    void mergesFollowChainsAndAnUnmergeUndoesOneStep() {
        String name = "Doãn Văn Chí " + DonorMother.word();
        DonorView a = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, DonorMother.phone(), null))
                        .donor());
        DonorView b = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, null, null)).donor());
        DonorView c = as(
                CU_JUT,
                () -> donors.register(DonorMother.person(name, null, DonorMother.email()))
                        .donor());
        as(CU_JUT, () -> donors.merge(b.id(), a.id(), "Trùng"));
        as(CU_JUT, () -> donors.merge(c.id(), b.id(), "Trùng"));
        assertThat(directory.get(a.id()).id()).isEqualTo(c.id());
        assertThat(directory.identities(c.id())).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.merge(c.id(), a.id(), "Lại")))
                .isInstanceOfSatisfying(
                        DonorRuleBroken.class, e -> assertThat(e.messageKey()).isEqualTo("donor.merge.alreadyMerged"));

        DonorView separated = as(CU_JUT, () -> donors.unmerge(b.id(), "Nhầm người"));

        assertThat(separated.mergedInto()).isNull();
        assertThat(directory.get(a.id()).id()).isEqualTo(b.id());
        assertThat(directory.get(b.id()).phone())
                .as("b keeps the phone it took from a")
                .isNotNull();
        assertThat(directory.get(c.id()).phone())
                .as("c's copied phone is emptied again")
                .isNull();
        assertThat(as(CU_JUT, () -> donors.history(b.id())))
                .anySatisfy(m -> assertThat(m.undone()).isTrue())
                .anySatisfy(m -> assertThat(m.undone()).isFalse());
        assertThatThrownBy(() -> as(CU_JUT, () -> donors.unmerge(b.id(), "Lại")))
                .isInstanceOf(DonorRuleBroken.class);
    }

    @Test
    void mergeNeedsAReasonAndBothDonorsWithinTheActorsScope() {
        List<DonorView> pair = samePhonePair("Lục Thị Oanh " + DonorMother.word());
        assertThatThrownBy(() -> as(
                        CU_JUT, () -> donors.merge(pair.get(0).id(), pair.get(1).id(), " ")))
                .isInstanceOfSatisfying(
                        InvalidDonor.class,
                        e -> assertThat(e.first().messageKey()).isEqualTo("donor.error.reasonRequired"));
        assertThatThrownBy(() -> as(
                        NAM_DONG,
                        () -> donors.merge(pair.get(0).id(), pair.get(1).id(), "Trùng")))
                .isInstanceOf(OutsideScope.class);
        assertThatThrownBy(() -> as(
                        DonorMother.SUPERVISOR,
                        () -> donors.merge(pair.get(0).id(), pair.get(1).id(), "Trùng")))
                .isInstanceOf(OutsideScope.class);
        assertThat(directory.get(pair.get(1).id()).id()).isEqualTo(pair.get(1).id());
        as(PROVINCE, () -> donors.merge(pair.get(1).id(), pair.get(0).id(), "Tỉnh gộp"));
        assertThat(directory.get(pair.get(0).id()).id()).isEqualTo(pair.get(1).id());
    }

    @Test
    void duplicatesPageShowsThePairWithItsReasonAndMergesIt() throws Exception {
        List<DonorView> pair = samePhonePair("Thái Thị Ngân " + DonorMother.word());
        DuplicatePair listed = pairOf(pair.get(0).id(), pair.get(1).id());
        int position = allDuplicates().indexOf(listed);
        String html = mvc.perform(get("/donors/duplicates")
                        .param("page", Integer.toString(position / 25))
                        .with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        Element card = page.selectFirst(".duplicate-pair[data-first="
                + pair.get(0).id() + "][data-second=" + pair.get(1).id() + "]");
        assertThat(card).isNotNull();
        assertThat(card.select(".duplicate-reason").eachText()).contains("Cùng số điện thoại");
        assertThat(card.select("form[action=/donors/merge] input[name=_csrf]")).isNotEmpty();

        mvc.perform(post("/donors/merge")
                        .with(signedIn("xa.cujut"))
                        .with(csrf())
                        .param("survivor", pair.get(0).id().toString())
                        .param("merged", pair.get(1).id().toString())
                        .param("reason", "Cùng số điện thoại")
                        .param("back", "duplicates"))
                .andExpect(redirectedUrl("/donors/" + pair.get(0).id()))
                .andExpect(flash().attribute("flashSuccess", containsString("Đã gộp")));
        mvc.perform(get("/donors/" + pair.get(1).id()).with(signedIn("xa.cujut")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("merged-notice")))
                .andExpect(content().string(containsString("/unmerge")));
        mvc.perform(get("/donors/" + pair.get(0).id()).with(signedIn("xa.cujut")))
                .andExpect(content().string(containsString("merge-history")));
    }
}
