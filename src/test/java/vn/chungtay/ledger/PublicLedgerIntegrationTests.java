package vn.chungtay.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.ledger.internal.LedgerChainWatch;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

@IntegrationTest
class PublicLedgerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerChainWatch watch;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    NeedManagement needs;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetailsService;

    LedgerMother mother;

    @BeforeEach
    void setUp() {
        mother = new LedgerMother(campaigns, needs, organisation, ledger);
    }

    private LedgerEntry gift(Campaign campaign, long amount, String name, String message) {
        return ledger.postReceipt(new ReceiptPosting(
                campaign.id(), campaign.unitCode(), mother.today(), Vnd.of(amount), null, 9L, name, message, null));
    }

    private String csv(Campaign campaign) throws Exception {
        MvcResult async = mvc.perform(get("/public/ledger.csv")
                        .param("campaign", Long.toString(campaign.id().value())))
                .andExpect(request().asyncStarted())
                .andReturn();
        return new String(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(async))
                        .andExpect(status().isOk())
                        .andExpect(header().string("Content-Type", containsString("text/csv")))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
    }

    @Test
    void anyoneSeesReceiptsWithMaskedNumbersAndDeliveriesWithAChildCountOnly() throws Exception {
        Campaign campaign = mother.campaign("24640");
        NeedView need = mother.publishedNeed("24640", 10, 100_000);
        gift(campaign, 800_000, "Nguyễn Thị Hoà", "ung ho cac chau, sdt 0904123456");
        gift(campaign, 200_000, null, "MBVCB.6916176124.CT tu 0101001222009");
        mother.allocateToNeed(campaign, need, 600_000);
        mother.deliverFromNeed(campaign, need, 600_000, 12);

        mvc.perform(get("/public/ledger")
                        .param("campaign", Long.toString(campaign.id().value())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Thị Hoà")))
                .andExpect(content().string(containsString("0904****456")))
                .andExpect(content().string(not(containsString("0904123456"))))
                .andExpect(content().string(not(containsString("0101001222009"))))
                .andExpect(content().string(containsString("Ẩn danh")))
                .andExpect(content().string(containsString("Cho 12 trẻ em")))
                .andExpect(content().string(containsString("Xã Cư Jút")))
                .andExpect(content().string(containsString("800.000 ₫")))
                .andExpect(content().string(not(containsString("DONOR:9"))));
    }

    @Test
    void searchIgnoresDiacriticsAndFiltersByAmountDateAndReference() throws Exception {
        Campaign campaign = mother.campaign("24640");
        gift(campaign, 150_000, "Trần Văn Đức", "Ủng hộ các cháu vùng cao");
        gift(campaign, 2_500_000, "Lê Thị Bình", "CT tu 1018144916 LE THI BINH");
        String id = Long.toString(campaign.id().value());

        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "tran van duc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trần Văn Đức")))
                .andExpect(content().string(not(containsString("Lê Thị Bình"))));
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("q", "ung ho vung cao")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trần Văn Đức")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/public/ledger").param("campaign", id).param("min", "1.000.000"))
                .andExpect(content().string(containsString("Lê Thị Bình")))
                .andExpect(content().string(not(containsString("Trần Văn Đức"))));
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("min", "150000")
                        .param("max", "150000")
                        .param("from", mother.today().toString())
                        .param("to", mother.today().toString()))
                .andExpect(content().string(containsString("Trần Văn Đức")))
                .andExpect(content().string(not(containsString("Lê Thị Bình"))));
        // a donor finds the transfer by the account number they paid from, shown only masked
        mvc.perform(get("/public/ledger").param("campaign", id).param("ref", "1018 144 916"))
                .andExpect(content().string(containsString("Lê Thị Bình")))
                .andExpect(content().string(containsString("1018****916")))
                .andExpect(content().string(not(containsString("Trần Văn Đức"))));
        mvc.perform(get("/public/ledger").param("campaign", id).param("min", "nhiều"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số tiền từ không hợp lệ")));
    }

    @Test
    void entriesArePagedNewestFirstWithLinksToOlderAndNewer() throws Exception {
        Campaign campaign = mother.campaign("24640");
        for (int i = 1; i <= 30; i++) {
            gift(campaign, 1_000 * i, "Người ủng hộ số " + i, null);
        }
        String id = Long.toString(campaign.id().value());
        mvc.perform(get("/public/ledger").param("campaign", id))
                .andExpect(content().string(containsString("id=\"entry-30\"")))
                .andExpect(content().string(containsString("id=\"entry-6\"")))
                .andExpect(content().string(not(containsString("id=\"entry-5\""))))
                .andExpect(content().string(containsString("before=6")))
                .andExpect(content().string(containsString("30 bút toán")));
        mvc.perform(get("/public/ledger").param("campaign", id).param("before", "6"))
                .andExpect(content().string(containsString("id=\"entry-5\"")))
                .andExpect(content().string(containsString("id=\"entry-1\"")))
                .andExpect(content().string(not(containsString("id=\"entry-6\""))))
                .andExpect(content().string(containsString("after=5")));
        mvc.perform(get("/public/ledger").param("campaign", id).param("after", "5"))
                .andExpect(content().string(containsString("id=\"entry-6\"")))
                .andExpect(content().string(containsString("id=\"entry-30\"")));
        // the same pages for a search (all matches found through the trigram index, the page cut from them)
        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "nguoi ung ho so"))
                .andExpect(content().string(containsString("id=\"entry-30\"")))
                .andExpect(content().string(containsString("id=\"entry-6\"")))
                .andExpect(content().string(not(containsString("id=\"entry-5\""))))
                .andExpect(content().string(containsString("before=6")))
                .andExpect(content().string(containsString("30 bút toán")));
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("q", "nguoi ung ho so")
                        .param("before", "6"))
                .andExpect(content().string(containsString("id=\"entry-1\"")))
                .andExpect(content().string(not(containsString("id=\"entry-6\""))))
                .andExpect(content().string(containsString("after=5")));
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("q", "nguoi ung ho so")
                        .param("after", "5"))
                .andExpect(content().string(containsString("id=\"entry-6\"")))
                .andExpect(content().string(containsString("id=\"entry-30\"")))
                .andExpect(content().string(not(containsString("id=\"entry-5\""))));
        // whole words: "so 2" is entry 2, not 12 or 20; a word being typed matches words that start with it
        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "so 2"))
                .andExpect(content().string(containsString("id=\"entry-2\"")))
                .andExpect(content().string(not(containsString("id=\"entry-12\""))))
                .andExpect(content().string(not(containsString("id=\"entry-20\""))))
                .andExpect(content().string(containsString("1 bút toán")));
        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "nguoi ung h"))
                .andExpect(content().string(containsString("id=\"entry-30\"")))
                .andExpect(content().string(containsString("30 bút toán")));
        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "nguoi ung x"))
                .andExpect(content().string(containsString("Không có bút toán nào.")));
    }

    @Test
    void aCommonNameAmongManyEntriesIsFoundByWalkingTheNewestEntries() throws Exception {
        Campaign campaign = mother.campaign("24640");
        long c = campaign.id().value();
        // 6,000 entries straight into the table (as the benchmark does), every other one by "Phạm Văn Lực"
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("""
                            insert into ledger_entry (campaign_id, sequence, kind, entry_date, amount_dong, from_account,
                                to_account, donor_public_name, search_folded, previous_hash, hash, created_by)
                            select :c, g, 'RECEIPT', current_date, 1000 + g, 'DONOR:1', 'POOL:24640',
                                   case when g % 2 = 0 then 'Phạm Văn Lực' else 'Khác ' || g end,
                                   case when g % 2 = 0 then 'pham van luc' else 'khac ' || g end,
                                   repeat('0', 64), repeat('0', 64), 'test'
                            from generate_series(1, 6000) g""").param("c", c).update();
            jdbc.sql("insert into ledger_chain (campaign_id, entry_count) values (:c, 6000)")
                    .param("c", c)
                    .update();
        });
        jdbc.sql("analyze ledger_entry").update();
        String id = Long.toString(c);

        mvc.perform(get("/public/ledger").param("campaign", id).param("q", "pham van luc"))
                .andExpect(content().string(containsString("id=\"entry-6000\"")))
                .andExpect(content().string(containsString("id=\"entry-5952\"")))
                .andExpect(content().string(not(containsString("id=\"entry-5950\""))))
                .andExpect(content().string(not(containsString("id=\"entry-5999\""))))
                .andExpect(content().string(containsString("before=5952")))
                .andExpect(content().string(containsString("Rất nhiều bút toán khớp")));
        // an older page that the walk does not fill comes from the index, counted
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("q", "pham van luc")
                        .param("before", "30"))
                .andExpect(content().string(containsString("id=\"entry-28\"")))
                .andExpect(content().string(containsString("id=\"entry-2\"")))
                .andExpect(content().string(containsString("3.000 bút toán")));
        mvc.perform(get("/public/ledger")
                        .param("campaign", id)
                        .param("q", "pham van luc")
                        .param("before", "5952"))
                .andExpect(content().string(containsString("id=\"entry-5950\"")))
                .andExpect(content().string(containsString("after=5950")));
    }

    @Test
    void theCsvHoldsTheHashedFieldsSafeForSpreadsheets() throws Exception {
        Campaign campaign = mother.campaign("24640");
        LedgerEntry first = gift(campaign, 100_000, "=HYPERLINK(\"http://x\")", "cam on, \"cac chau\"");
        LedgerEntry last = gift(campaign, 50_000, "Nhóm bạn trẻ", "-ung ho");

        String csv = csv(campaign);
        assertThat(csv).startsWith("\uFEFFcampaign_id,sequence,kind,date,amount_dong,");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith(",reason,previous_hash,hash");
        assertThat(lines.get(1))
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")
                .contains(",\"cam on, \"\"cac chau\"\"\",")
                .contains(",DONOR,POOL:24640,")
                .endsWith("," + LedgerHashing.GENESIS + "," + first.hash());
        assertThat(lines.get(2)).contains(",'-ung ho,").endsWith("," + last.hash());
        assertThat(csv).contains("\r\n");
    }

    @Test
    void theHeadIsPublishedOnceADayAndAnswersAsJson() throws Exception {
        Campaign campaign = mother.campaign("24640");
        gift(campaign, 100_000, "A", null);
        LedgerEntry last = gift(campaign, 200_000, "B", null);
        String id = Long.toString(campaign.id().value());

        mvc.perform(get("/public/ledger/head").param("campaign", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(mother.today().toString()))
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.headHash").value(last.hash()));
        watch.check(campaign.id());
        gift(campaign, 300_000, "C", null);
        watch.check(campaign.id());
        mvc.perform(get("/public/ledger/heads").param("campaign", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].count").value(2))
                .andExpect(jsonPath("$[0].headHash").value(last.hash()));
        mvc.perform(get("/public/ledger/head").param("campaign", "CT" + id))
                .andExpect(jsonPath("$.count").value(3));
        mvc.perform(get("/public/ledger/head").param("campaign", "99999999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/ledger").param("campaign", "99999999")).andExpect(status().isNotFound());
    }

    @Test
    void theCampaignListShowsOneProvinceAtATimeAndAPickedProvinceGoesToItsNewestCampaign() throws Exception {
        String haNoiCommune = organisation.children("01", mother.today()).stream()
                .filter(u -> u.isCommune())
                .findFirst()
                .orElseThrow()
                .code();
        Campaign haNoi = mother.campaign("01");
        Campaign haNoiCommuneCampaign = mother.campaign(haNoiCommune);
        Campaign cuJut = mother.campaign("24640");
        gift(haNoi, 100_000, "Nguyễn Văn Thủ Đô", "ung ho");
        gift(haNoiCommuneCampaign, 200_000, "Trần Thị Phường", "ung ho");
        gift(cuJut, 300_000, "Y Bih Niê", "ung ho");

        org.jsoup.nodes.Document page =
                page("/public/ledger?campaign=" + haNoiCommuneCampaign.id().value());
        assertThat(page.select("#province option[selected]").attr("value")).isEqualTo("01");
        assertThat(page.select("#province option").eachAttr("value")).contains("01", "68");
        List<String> listed = page.select("#campaign option").eachAttr("value");
        assertThat(listed).contains(id(haNoi), id(haNoiCommuneCampaign)).doesNotContain(id(cuJut));
        assertThat(page.select("#campaign option[selected]").attr("value")).isEqualTo(id(haNoiCommuneCampaign));

        // another province picked with the old campaign still in the form: that province's newest campaign
        page = page("/public/ledger?province=68&campaign="
                + haNoiCommuneCampaign.id().value());
        assertThat(page.select("#province option[selected]").attr("value")).isEqualTo("68");
        listed = page.select("#campaign option").eachAttr("value");
        assertThat(listed).contains(id(cuJut)).doesNotContain(id(haNoi), id(haNoiCommuneCampaign));
        assertThat(page.select("#campaign option[selected]").attr("value")).isEqualTo(listed.get(0));
        assertThat(page.select("h2").text()).doesNotContain(haNoiCommuneCampaign.name());

        // a campaign of that province asked for is shown; an unknown province is ignored
        page = page("/public/ledger?province=68&campaign=" + cuJut.id().value());
        assertThat(page.select("#campaign option[selected]").attr("value")).isEqualTo(id(cuJut));
        page = page("/public/ledger?province=zz&campaign=" + haNoi.id().value());
        assertThat(page.select("#campaign option[selected]").attr("value")).isEqualTo(id(haNoi));
    }

    private static String id(Campaign campaign) {
        return Long.toString(campaign.id().value());
    }

    private org.jsoup.nodes.Document page(String url) throws Exception {
        return org.jsoup.Jsoup.parse(new String(
                mvc.perform(get(url))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8));
    }

    @Test
    void theLedgerPagesListTheFiftyLargestBalancesAndCountTheRest() throws Exception {
        Campaign lamDong = mother.campaign("68");
        List<String> communes = organisation.children("68", mother.today()).stream()
                .filter(u -> u.isCommune())
                .map(u -> u.code())
                .limit(55)
                .toList();
        for (int i = 0; i < communes.size(); i++) {
            ledger.postReceipt(new ReceiptPosting(
                    lamDong.id(),
                    communes.get(i),
                    mother.today(),
                    Vnd.of(10_000L * (i + 1)),
                    null,
                    9L,
                    "Nhà hảo tâm " + i,
                    "ung ho",
                    null));
        }
        org.jsoup.nodes.Document page =
                page("/public/ledger?campaign=" + lamDong.id().value());
        var rows = page.select("#ledger-balances tbody tr");
        assertThat(rows).hasSize(50);
        // the largest first: 550.000 ₫ for the 55th commune
        assertThat(rows.get(0).select("td").last().text())
                .isEqualTo(Vnd.of(550_000).formatted());
        // the five smallest (10.000 … 50.000 ₫, 150.000 ₫ in all) are counted below the table
        assertThat(page.select("#balances-more").text())
                .startsWith("Và 5 tài khoản khác")
                .contains("150.000");

        // the officers' ledger page of the campaign summarises the same way
        org.jsoup.nodes.Document officers = org.jsoup.Jsoup.parse(new String(
                mvc.perform(get("/ledger/campaigns/" + lamDong.id().value())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        userDetailsService.loadUserByUsername("tinh.lamdong"))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8));
        assertThat(officers.select("#ledger-balances tbody tr")).hasSize(50);
        assertThat(officers.select("#balances-more").text()).startsWith("Và 5 tài khoản khác");
    }
}
