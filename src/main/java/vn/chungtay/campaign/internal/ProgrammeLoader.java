package vn.chungtay.campaign.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.shared.csv.CsvReader;

/**
 * Seeds programmes, their indicators and the yearly campaign templates from
 * {@code reference/programme/} at every start: new codes are added, rows already stored (perhaps
 * edited by an administrator) are left as they are. Runs after the units (10) and the support
 * categories (15), before the yearly campaigns are opened (17).
 */
@Component
@Order(16)
class ProgrammeLoader implements ApplicationRunner {

    static final String DIR = "reference/programme/";
    private static final Logger log = LoggerFactory.getLogger(ProgrammeLoader.class);

    private final JdbcClient jdbc;

    ProgrammeLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int[] added = {0};
        read(
                "programmes.csv",
                row -> added[0] += jdbc.sql("""
                        insert into programme (code, name, name_en, decision, period_from, period_to,
                                               organising_levels, goals, goals_en)
                        values (:code, :name, :nameEn, :decision, :from, :to, :levels, :goals, :goalsEn)
                        on conflict (code) do nothing""")
                        .param("code", row.get("code"))
                        .param("name", row.get("name"))
                        .param("nameEn", row.get("name_en"))
                        .param("decision", row.get("decision"))
                        .param("from", LocalDate.parse(row.get("period_from")))
                        .param("to", LocalDate.parse(row.get("period_to")))
                        .param("levels", row.get("organising_levels"))
                        .param("goals", row.get("goals"))
                        .param("goalsEn", row.get("goals_en"))
                        .update());
        int[] position = {0};
        read(
                "programme-indicators.csv",
                row -> added[0] += jdbc.sql("""
                        insert into programme_indicator (programme_code, code, position, name_vi, name_en, unit, category_code)
                        values (:programme, :code, :position, :vi, :en, :unit, :category)
                        on conflict (programme_code, code) do nothing""")
                        .param("programme", row.get("programme_code"))
                        .param("code", row.get("code"))
                        .param("position", position[0]++)
                        .param("vi", row.get("name_vi"))
                        .param("en", row.get("name_en"))
                        .param("unit", row.get("unit"))
                        .param("category", row.get("category_code").isEmpty() ? null : row.get("category_code"))
                        .update());
        java.util.Map<String, Long> levelTargets = new java.util.HashMap<>();
        java.util.List<CsvReader.Row> categoryTargets = new java.util.ArrayList<>();
        read("campaign-template-targets.csv", row -> {
            if (row.get("category_code").isEmpty()) {
                levelTargets.put(
                        row.get("template_code") + "/" + row.get("level"), Long.parseLong(row.get("amount_dong")));
            } else {
                categoryTargets.add(row);
            }
        });
        read("campaign-templates.csv", row -> {
            int[] first = monthDay(row.get("first_day"));
            int[] last = monthDay(row.get("last_day"));
            added[0] += jdbc.sql("""
                            insert into campaign_template (code, name_pattern, first_month, first_day, last_month, last_day,
                                                           from_year, to_year)
                            values (:code, :pattern, :fm, :fd, :lm, :ld, :fromYear, :toYear)
                            on conflict (code) do nothing""")
                    .param("code", row.get("code"))
                    .param("pattern", row.get("name_pattern"))
                    .param("fm", first[0])
                    .param("fd", first[1])
                    .param("lm", last[0])
                    .param("ld", last[1])
                    .param("fromYear", Integer.parseInt(row.get("from_year")))
                    .param("toYear", row.get("to_year").isEmpty() ? null : Integer.parseInt(row.get("to_year")))
                    .update();
            for (String level : row.get("levels").split(",")) {
                added[0] += jdbc.sql("""
                                insert into campaign_template_level (template_code, level, target_dong)
                                values (:code, :level, :target)
                                on conflict do nothing""")
                        .param("code", row.get("code"))
                        .param("level", level.strip())
                        .param("target", levelTargets.getOrDefault(row.get("code") + "/" + level.strip(), 0L))
                        .update();
            }
        });
        for (CsvReader.Row row : categoryTargets) {
            added[0] += jdbc.sql("""
                            insert into campaign_template_target (template_code, level, category_code, child_turns, amount_dong)
                            values (:code, :level, :category, :turns, :amount)
                            on conflict do nothing""")
                    .param("code", row.get("template_code"))
                    .param("level", row.get("level"))
                    .param("category", row.get("category_code"))
                    .param("turns", row.get("child_turns").isEmpty() ? 0 : Integer.parseInt(row.get("child_turns")))
                    .param("amount", row.get("amount_dong").isEmpty() ? 0 : Long.parseLong(row.get("amount_dong")))
                    .update();
        }
        if (added[0] > 0) {
            log.info("Programmes and campaign templates added from {}: {} rows", DIR, added[0]);
        }
    }

    private static int[] monthDay(String value) {
        String[] parts = value.split("-");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static void read(String file, Consumer<CsvReader.Row> consumer) {
        try (var reader =
                new InputStreamReader(new ClassPathResource(DIR + file).getInputStream(), StandardCharsets.UTF_8)) {
            CsvReader.read(reader, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + DIR + file, e);
        }
    }
}
