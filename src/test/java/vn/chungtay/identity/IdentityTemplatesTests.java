package vn.chungtay.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The identity pages have no hard-coded text, and every message key they use exists in both languages. */
class IdentityTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/identity");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                boolean textFromMessages = element.hasAttr("th:text") || element.hasAttr("th:utext");
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank() && !textFromMessages) {
                        problems.add(template.getFileName() + ": text '"
                                + text.text().trim() + "'");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute)) {
                        problems.add(
                                template.getFileName() + ": plain " + attribute + " on <" + element.tagName() + ">");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyIdentityMessageKeyUsedExistsInVietnameseAndEnglish() throws IOException {
        Properties vietnamese = load("i18n/identity.properties");
        Properties english = load("i18n/identity_en.properties");
        vietnamese.putAll(load("messages.properties"));
        english.putAll(load("messages_en.properties"));
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
            while (keys.find()) {
                String key = keys.group(1);
                if (!vietnamese.containsKey(key) || !english.containsKey(key)) {
                    missing.add(template.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(english.keySet())
                .containsAll(load("i18n/identity.properties").keySet());
        assertThat(vietnamese.keySet())
                .containsAll(load("i18n/identity_en.properties").keySet());
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IdentityTemplatesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
