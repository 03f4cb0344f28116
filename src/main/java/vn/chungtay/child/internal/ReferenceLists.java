package vn.chungtay.child.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.chungtay.child.CodeName;
import vn.chungtay.shared.csv.CsvReader;

/**
 * The code lists a child record uses, shipped with the application: the 54 ethnic groups
 * (Decision 121-TCTK codes) and the 14 groups of children in special circumstances.
 */
@Component
public class ReferenceLists {

    private final Map<String, String> ethnicGroups;
    private final Map<String, String> circumstances;

    ReferenceLists() {
        this.ethnicGroups = load("reference/programme/ethnic-groups.csv", "name");
        this.circumstances = load("reference/programme/child-circumstances.csv", "name_vi");
    }

    public List<CodeName> ethnicGroups() {
        return list(ethnicGroups);
    }

    public List<CodeName> circumstances() {
        return list(circumstances);
    }

    /** The code as stored ("1" and "01" are both Kinh), if it is an ethnic-group code. */
    public Optional<String> ethnicGroupCode(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.trim();
        if (code.matches("\\d")) {
            code = "0" + code;
        }
        return ethnicGroups.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    public String ethnicGroupName(String code) {
        return ethnicGroups.getOrDefault(code, code);
    }

    public boolean isCircumstance(String code) {
        return code != null && circumstances.containsKey(code);
    }

    public String circumstanceName(String code) {
        return circumstances.getOrDefault(code, code);
    }

    private static List<CodeName> list(Map<String, String> codes) {
        List<CodeName> list = new ArrayList<>();
        codes.forEach((code, name) -> list.add(new CodeName(code, name)));
        return List.copyOf(list);
    }

    private static Map<String, String> load(String resource, String nameColumn) {
        Map<String, String> codes = new LinkedHashMap<>();
        try (var in = new ClassPathResource(resource).getInputStream()) {
            CsvReader.read(
                    new InputStreamReader(in, StandardCharsets.UTF_8),
                    row -> codes.put(row.get("code"), row.get(nameColumn)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(codes);
    }
}
