package vn.chungtay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy forbids inline scripts: a template with a {@code <script>} body, an
 * {@code on…} handler, a {@code javascript:} link or {@code th:utext} (unescaped output) fails here
 * instead of silently breaking in the browser or opening a hole.
 */
class TemplateSafetyTests {

    @Test
    void templatesHaveNoInlineScriptsHandlersOrUnescapedOutput() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path template : templates) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script") && !element.hasAttr("src") && !element.hasAttr("th:src")) {
                    problems.add(template + ": inline <script>");
                }
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                    if (name.matches("(th:)?on[a-z]+") || name.startsWith("hx-on")) {
                        problems.add(template + ": event handler attribute " + name);
                    }
                    if (name.equals("th:utext")) {
                        problems.add(template + ": th:utext writes unescaped text");
                    }
                    if (attribute
                            .getValue()
                            .trim()
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith("javascript:")) {
                        problems.add(template + ": javascript: URL in " + name);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
