package vn.chungtay.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.shared.text.VietnameseText;

/**
 * No public page, JSON or CSV names a child or a guardian or gives a child's birth date: every public
 * page reachable from {@code /}, {@code /public/needs}, {@code /public/ledger}, the campaigns and the
 * communes (in Vietnamese and with {@code ?lang=en}), the needs JSON and each campaign's ledger CSV and
 * head are fetched anonymously with the demo data. Names are matched as whole words, ignoring case
 * and diacritics; birth dates as dd/MM/yyyy and yyyy-MM-dd. (Supersedes the crawl that lived in
 * {@code publicportal.PublicPrivacyIntegrationTests}.)
 */
@IntegrationTest
class PublicPrivacyCrawlIntegrationTests {

    /** Pages followed from links, beyond the seeds (every campaign's page, CSV and head, every commune). */
    private static final int MAX_LINKED_PAGES = 400;

    /**
     * The demo opens thousands of yearly campaigns (every unit, every year); the demo province's and
     * communes' come first, then the newest, so the crawl stays within minutes.
     */
    private static final int MAX_CAMPAIGNS = 80;

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    record Secret(String what, String folded) {}

    private List<Secret> names() {
        List<Secret> secrets = new ArrayList<>();
        jdbc.sql("select full_name, guardian_name from child where full_name is not null")
                .query((rs, n) -> {
                    add(secrets, "child", rs.getString(1));
                    add(secrets, "guardian", rs.getString(2));
                    return n;
                })
                .list();
        return secrets;
    }

    private static void add(List<Secret> secrets, String what, String name) {
        String folded = VietnameseText.fold(name);
        // a one-word name would match ordinary words; every registered name has at least two
        if (folded.contains(" ")) {
            secrets.add(new Secret(what + " " + name, " " + folded + " "));
        }
    }

    private Set<String> birthDates() {
        Set<String> dates = new TreeSet<>();
        jdbc.sql("select date_of_birth from child where date_of_birth is not null")
                .query(LocalDate.class)
                .list()
                .forEach(d -> {
                    dates.add(d.toString());
                    dates.add(d.format(DMY));
                });
        return dates;
    }

    @Test
    void noPublicPageJsonOrCsvNamesAChildOrAGuardianOrGivesABirthDate() throws Exception {
        List<Secret> names = names();
        Set<String> dates = birthDates();
        assertThat(names).as("demo children and guardians").hasSizeGreaterThan(100);

        List<Long> campaigns = jdbc.sql(
                        "select id from campaign order by (unit_code in ('68', '24640', '24649', '24646')) desc,"
                                + " id desc limit " + MAX_CAMPAIGNS)
                .query(Long.class)
                .list();
        List<String> communes = jdbc.sql("select distinct commune_code from child order by 1")
                .query(String.class)
                .list();
        Deque<String> queue = new ArrayDeque<>();
        List<String> seeds = new ArrayList<>(List.of("/", "/public/needs", "/public/ledger", "/public/needs.json"));
        campaigns.forEach(id -> {
            seeds.add("/public/campaigns/" + id);
            seeds.add("/public/ledger.csv?campaign=" + id);
            seeds.add("/public/ledger/head?campaign=" + id);
        });
        communes.forEach(code -> seeds.add("/public/communes/" + code));
        for (String seed : seeds) {
            queue.add(seed);
            queue.add(withEnglish(seed));
        }

        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int ok = 0;
        int limit = 2 * seeds.size() + MAX_LINKED_PAGES;
        while (!queue.isEmpty() && seen.size() < limit) {
            String url = queue.poll();
            if (!seen.add(url)) {
                continue;
            }
            var response = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(response.getStatus()).as(url).isLessThan(500);
            if (response.getStatus() != 200) {
                continue;
            }
            ok++;
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            String folded = " " + VietnameseText.fold(body) + " ";
            for (Secret name : names) {
                if (folded.contains(name.folded())) {
                    problems.add(url + " names " + name.what());
                }
            }
            for (String date : dates) {
                if (body.contains(date)) {
                    problems.add(url + " gives birth date " + date);
                }
            }
            String type = String.valueOf(response.getContentType());
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(body, "http://localhost" + url);
            for (var link : page.select("a[href]")) {
                String href = link.attr("href");
                if (href.equals("/") || href.startsWith("/?") || href.startsWith("/public/")) {
                    String clean = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                    if (!seen.contains(clean)) {
                        queue.add(clean);
                        queue.add(withEnglish(clean));
                    }
                }
            }
            for (var form : page.select("form[method=get][action^=/public/]")) {
                queue.add(form.attr("action") + "?q=buon");
            }
        }
        System.out.printf(
                "Privacy crawl: %d public URLs fetched (%d answered 200), %d names and %d birth-date forms checked%n",
                seen.size(), ok, names.size(), dates.size());
        assertThat(seen).anyMatch(u -> u.startsWith("/public/communes/"));
        assertThat(seen).anyMatch(u -> u.startsWith("/public/campaigns/"));
        assertThat(seen).anyMatch(u -> u.contains("lang=en"));
        assertThat(ok).as("pages answered").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    private static String withEnglish(String url) {
        if (url.contains("lang=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "lang=en";
    }
}
