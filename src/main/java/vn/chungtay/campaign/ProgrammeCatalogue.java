package vn.chungtay.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programmes campaigns serve, as stored (seeded from the reference file). */
@Service
@Transactional(readOnly = true)
public class ProgrammeCatalogue {

    private final JdbcClient jdbc;

    ProgrammeCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every programme, the newest period first. */
    public List<Programme> programmes() {
        return load("", Map.of());
    }

    public Optional<Programme> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return load("where p.code = :code", Map.of("code", code.strip())).stream()
                .findFirst();
    }

    /** The programme whose period holds the day (the latest starting one if periods overlap). */
    public Optional<Programme> covering(LocalDate day) {
        return load("where p.period_from <= :day and p.period_to >= :day", Map.of("day", day)).stream()
                .findFirst();
    }

    private List<Programme> load(String where, Map<String, ?> params) {
        List<Programme> found = jdbc.sql(
                        "select p.* from programme p " + where + " order by p.period_from desc, p.code")
                .params(params)
                .query((rs, n) -> new Programme(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("name_en"),
                        rs.getString("decision"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        List.of(rs.getString("organising_levels").split(",")),
                        rs.getString("goals"),
                        rs.getString("goals_en"),
                        List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<String, List<ProgrammeIndicator>> indicators = new LinkedHashMap<>();
        jdbc.sql("select * from programme_indicator where programme_code in (:codes) order by programme_code, position")
                .param("codes", found.stream().map(Programme::code).toList())
                .query(rs -> {
                    indicators
                            .computeIfAbsent(rs.getString("programme_code"), k -> new ArrayList<>())
                            .add(new ProgrammeIndicator(
                                    rs.getString("code"),
                                    rs.getString("name_vi"),
                                    rs.getString("name_en"),
                                    rs.getString("unit"),
                                    rs.getString("category_code")));
                });
        return found.stream()
                .map(p -> new Programme(
                        p.code(),
                        p.name(),
                        p.nameEn(),
                        p.decision(),
                        p.periodFrom(),
                        p.periodTo(),
                        p.organisingLevels(),
                        p.goals(),
                        p.goalsEn(),
                        indicators.getOrDefault(p.code(), List.of())))
                .toList();
    }
}
