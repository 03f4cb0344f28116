package vn.chungtay.outreach.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.chungtay.outreach.OutreachLanguage;
import vn.chungtay.shared.csv.CsvReader;

/**
 * The languages an activity may be held in: Vietnamese, then the languages of the ethnic groups
 * in the list the application ships ({@code reference/programme/ethnic-groups.csv}, Decision
 * 121-TCTK codes); Kinh (01) speak Vietnamese, so code 01 means Vietnamese.
 */
@Component
public class LanguageList {

    private static final String KINH = "01";

    private final List<OutreachLanguage> languages;

    LanguageList() {
        List<OutreachLanguage> list = new ArrayList<>();
        list.add(new OutreachLanguage(OutreachLanguage.VIETNAMESE, null));
        try (var in = new ClassPathResource("reference/programme/ethnic-groups.csv").getInputStream()) {
            CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), row -> {
                if (!KINH.equals(row.get("code"))) {
                    list.add(new OutreachLanguage(row.get("code"), row.get("name")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.languages = List.copyOf(list);
    }

    public List<OutreachLanguage> all() {
        return languages;
    }

    /** The language of a code as typed ({@code vi}, {@code 1}, {@code 01}, {@code 29}); empty when unknown. */
    public Optional<OutreachLanguage> find(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String code = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (code.matches("\\d")) {
            code = "0" + code;
        }
        if (code.equals(KINH)) {
            code = OutreachLanguage.VIETNAMESE;
        }
        String wanted = code;
        return languages.stream().filter(l -> l.code().equals(wanted)).findFirst();
    }
}
