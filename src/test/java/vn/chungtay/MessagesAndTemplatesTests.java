package vn.chungtay;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every visible string is a message key: templates carry no hard-coded text, and every key used by
 * a template or by Java code exists in Vietnamese (the default bundles) and in English.
 */
class MessagesAndTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt", "value");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:org|organisation|identity|audit|common|error|nav|home|layout|pager|validation|child|need|plan|publicportal|public|notification|campaign|programme|ledger|donor|donation|receipt|statement|delivery|allocation|outreach|supervision|commendation|reporting|report|document|privacy|security|backup)\\.[a-zA-Z0-9_]+(?:\\.[a-zA-Z0-9_]+)+)\"");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")) {
                    continue;
                }
                boolean replaced = element.hasAttr("th:text") || element.hasAttr("th:utext");
                for (TextNode text : element.textNodes()) {
                    if (!replaced && text.text().codePoints().anyMatch(Character::isLetter)) {
                        problems.add(TEMPLATES.relativize(template) + ": text '"
                                + text.text().trim() + "'");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    boolean visible =
                            !attribute.equals("value") || element.attr("type").matches("submit|button");
                    if (visible && value.codePoints().anyMatch(Character::isLetter)) {
                        problems.add(TEMPLATES.relativize(template) + ": plain " + attribute + "=\"" + value + "\"");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyUsedExistsInVietnameseAndEnglish() throws IOException {
        Properties vietnamese = bundles("");
        Properties english = bundles("_en");
        Set<String> missing = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            collect(TEMPLATE_KEY.matcher(Files.readString(template)), vietnamese, english, template, missing);
        }
        for (Path source : files(JAVA, ".java")) {
            collect(JAVA_KEY.matcher(Files.readString(source)), vietnamese, english, source, missing);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        for (String basename : basenames()) {
            Set<String> vi = new TreeSet<>(load(basename + ".properties").stringPropertyNames());
            Set<String> en = new TreeSet<>(load(basename + "_en.properties").stringPropertyNames());
            assertThat(en).as("keys of %s_en missing or extra", basename).isEqualTo(vi);
        }
    }

    private static void collect(Matcher keys, Properties vi, Properties en, Path file, Set<String> missing) {
        while (keys.find()) {
            String key = keys.group(1);
            if (!vi.containsKey(key) || !en.containsKey(key)) {
                missing.add(file.getFileName() + ": " + key);
            }
        }
    }

    /** The bundles named by {@code spring.messages.basename}, merged, in one language. */
    private static Properties bundles(String suffix) throws IOException {
        Properties merged = new Properties();
        for (String basename : basenames()) {
            merged.putAll(load(basename + suffix + ".properties"));
        }
        return merged;
    }

    private static List<String> basenames() throws IOException {
        Properties application = load("application.properties");
        return List.of(application.getProperty("spring.messages.basename").split(",")).stream()
                .map(String::trim)
                .toList();
    }

    private static List<Path> files(Path root, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesAndTemplatesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
