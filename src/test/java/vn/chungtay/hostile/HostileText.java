package vn.chungtay.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.ledger.LedgerHashing;
import vn.chungtay.shared.csv.CsvReader;

/**
 * Hostile text: the payloads, and the checks of every place ("sink") a stored payload comes back —
 * HTML (escaped, no markup or handler of its own, shown as typed), JSON (the exact value), CSV (a
 * formula start neutralised), XLSX (string cells, never formulas), PDF and DOCX (the literal text),
 * e-mail (no header injection, HTML body escaped). Every check is counted as one (payload × field ×
 * sink) in {@link HostileInputSummary}.
 */
final class HostileText {

    static final String SUITE = "HostileTextIntegrationTests";

    /** One hostile text; {@code text(tag)} makes it unique (the tag at the end) so each test finds its rows. */
    record Payload(String label, String base) {

        String text(String tag) {
            return base + " " + tag;
        }

        boolean formula() {
            return "=+-@".indexOf(base.charAt(0)) >= 0;
        }

        boolean markup() {
            return base.indexOf('<') >= 0 || base.indexOf('>') >= 0 || base.indexOf('"') >= 0;
        }

        boolean nul() {
            return base.indexOf('\0') >= 0;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("script tag", "<script>alert(1)</script>"),
            new Payload("attribute break-out", "\"><img src=x onerror=alert(1)>"),
            new Payload("textarea break-out", "</textarea><svg onload=alert(1)>'\""),
            new Payload("javascript url", "javascript:alert(1)"),
            new Payload("mustache", "{{7*7}}"),
            new Payload("expression", "${7*7} #{7*7} *{7*7}"),
            new Payload("thymeleaf inlining", "[[${7*7}]] [(${T(java.lang.Runtime).getRuntime()})]"),
            new Payload("sql drop", "'; DROP TABLE child; --"),
            new Payload("sql tautology", "' OR '1'='1"),
            new Payload("sql comment and wildcards", "x%' /* _ */ ;\\"),
            new Payload("percent-encoded nul", "%00"),
            new Payload("nul character", "tr\u0000ẻ"),
            new Payload("rtl override", "Thôn \u202Egnp.exe"),
            new Payload("xml noncharacter", "ký\uFFFEtự\uFFFF"),
            new Payload("hyperlink formula", "=HYPERLINK(\"http://evil.example\",\"bấm\")"),
            new Payload("plus formula", "+1+cmd|' /C calc'!A0"),
            new Payload("minus formula", "-2+3"),
            new Payload("at formula", "@SUM(1+1)"),
            new Payload("crlf header injection", "Lê Văn A\r\nBcc: ke.xau@example.com"),
            new Payload("already escaped", "&lt;b&gt;đậm&amp;amp;"),
            new Payload("vietnamese and emoji", "Trẻ em 🧒 vùng cao “Đắk Nông”"),
            new Payload("very long", "Dài " + "ả".repeat(20_000)));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileText() {}

    static String tag() {
        // letters only: digits in it would be masked on the public ledger like an account number
        String letters = "bcdfghjkmnpqrstvwxz";
        StringBuilder tag = new StringBuilder("hx");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 12; i++) {
            tag.append(letters.charAt(random.nextInt(letters.length())));
        }
        return tag.toString();
    }

    static void counted(long n) {
        HostileInputSummary.tried(SUITE, n);
    }

    /** Whitespace as a browser or a text extractor shows it: runs collapsed into one space, invisible format characters dropped. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type == Character.FORMAT
                    || type == Character.CONTROL
                    || cp == 0xFFFE
                    || cp == 0xFFFF
                    || cp == 0xFFFD) {
                continue;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().replaceAll(" +", " ").trim();
    }

    /** What can be looked for in a document: the visible text, its start only when it is very long (pages may shorten it). */
    static String probe(String stored) {
        String visible = visible(stored);
        return visible.length() > 120 ? visible.substring(0, 60) : visible;
    }

    /** The value stored may differ from the typed one only by whitespace or characters PostgreSQL cannot hold. */
    static void assertSameText(String where, String stored, String typed) {
        if (stored != null && stored.equals(typed)) {
            return;
        }
        assertThat(stored).as(where + ": the stored text").isNotNull();
        assertThat(visible(stored)).as(where + ": the stored text").isEqualTo(visible(typed));
    }

    // ---------------------------------------------------------------- HTML

    /**
     * An HTML page that shows the stored text: it appears as typed (as text or as a form value), and the
     * page holds no element, handler or URL the payload could have made.
     */
    static Document html(String where, String html, String stored, int fields) {
        Document document = Jsoup.parse(html);
        assertSafeHtml(where, document, html);
        String wanted = probe(stored);
        boolean shown = visible(document.text()).contains(wanted);
        if (!shown) {
            for (Element element : document.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    if (visible(attribute.getValue()).contains(wanted)) {
                        shown = true;
                    }
                }
                if (element.tagName().equals("textarea")
                        && visible(element.wholeText()).contains(wanted)) {
                    shown = true;
                }
            }
        }
        if (!shown) {
            String all = visible(document.text());
            String tail = wanted.substring(Math.max(0, wanted.length() - 6));
            int at = all.indexOf(tail);
            assertThat(shown)
                    .as(
                            "%s shows the text as typed: %s — near its tag the page shows: %s",
                            where,
                            wanted,
                            at < 0 ? "(tag not found)" : all.substring(Math.max(0, at - 150), at + tail.length()))
                    .isTrue();
        }
        counted(fields);
        return document;
    }

    /** A page that may or may not show the text (a list): nothing the payloads could have made. */
    static void safe(String where, String html, int fields) {
        assertSafeHtml(where, Jsoup.parse(html), html);
        counted(fields);
    }

    /** No inline script, no event handler, no javascript: URL, no image or SVG the payloads would make. */
    static void assertSafeHtml(String where, Document document, String raw) {
        for (Element element : document.getAllElements()) {
            if (element.tagName().equals("script")) {
                assertThat(element.hasAttr("src"))
                        .as("%s: inline script %s", where, element.outerHtml())
                        .isTrue();
            }
            assertThat(element.tagName())
                    .as(where + ": an element made by a payload")
                    .isNotIn("svg", "iframe", "object", "embed");
            if (element.tagName().equals("img")) {
                assertThat(element.attr("src"))
                        .as(where + ": img made by a payload")
                        .isNotEqualTo("x");
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name)
                        .as("%s: handler on <%s>", where, element.tagName())
                        .doesNotStartWith("on");
                if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")) {
                    assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT))
                            .as("%s: URL in %s", where, name)
                            .doesNotStartWith("javascript:");
                }
            }
        }
        assertThat(raw)
                .as(where)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<svg onload");
    }

    // ---------------------------------------------------------------- JSON

    /** Valid JSON in which the field holds exactly the stored text. */
    static JsonNode json(String where, String body, String typed, String... fieldPaths) {
        JsonNode root = JSON.readTree(body);
        for (String path : fieldPaths) {
            JsonNode node = root.at(path);
            assertThat(node.isMissingNode())
                    .as("%s: %s in %s", where, path, body.length() > 2000 ? body.substring(0, 2000) : body)
                    .isFalse();
            assertSameText(where + " " + path, node.asString(), typed);
            counted(1);
        }
        return root;
    }

    /** Valid JSON somewhere in which the stored text appears as one value (a list or a search answer). */
    static void jsonContains(String where, String body, String stored, int fields) {
        JsonNode root = JSON.readTree(body);
        List<String> values = new ArrayList<>();
        collect(root, values);
        String wanted = visible(stored);
        assertThat(values.stream().anyMatch(v -> visible(v).equals(wanted)))
                .as("%s holds %s", where, probe(stored))
                .isTrue();
        counted(fields);
    }

    private static void collect(JsonNode node, List<String> values) {
        if (node.isString()) {
            values.add(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, values);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), values));
        }
    }

    // ---------------------------------------------------------------- files

    static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * A PDF whose extracted text shows the stored text literally (not interpreted as markup). Two things
     * the renderer does on purpose are allowed: a right-to-left override is laid out right to left (the
     * extractor gives the visual order), and a character the bundled fonts lack (an emoji) is drawn as
     * {@code #}.
     */
    static void pdf(String where, byte[] pdf, String stored, int fields) throws Exception {
        String text = pdfText(pdf);
        // the renderer wraps long lines anywhere: compare without any whitespace
        String flat = visible(text).replace(" ", "");
        String wanted = probe(stored).replace(" ", "");
        StringBuilder drawable = new StringBuilder();
        wanted.codePoints().forEach(cp -> drawable.appendCodePoint(Character.isSupplementaryCodePoint(cp) ? '#' : cp));
        if (stored.indexOf('\u202E') >= 0) {
            assertThat(flat.contains("gnp.exe") || flat.contains("exe.png"))
                    .as("%s shows the overridden text in %s", where, flat)
                    .isTrue();
        } else {
            assertThat(flat)
                    .as("%s shows %s in %s", where, wanted, flat.length() > 3000 ? flat.substring(0, 3000) : flat)
                    .contains(drawable.toString());
        }
        counted(fields);
    }

    /** A DOCX that POI reads back with the stored text literally. */
    static void docx(String where, byte[] docx, String stored, int fields) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = visible(extractor.getText());
            String wanted = probe(stored);
            if (stored.indexOf('\uFFFE') >= 0 || stored.indexOf('\uFFFF') >= 0) {
                // XMLBeans writes a noncharacter as '?'
                text = text.replace("?", "");
                wanted = wanted.replace("?", "");
            }
            assertThat(text)
                    .as("%s shows %s in %s", where, wanted, text.length() > 3000 ? text.substring(0, 3000) : text)
                    .contains(wanted);
        }
        counted(fields);
    }

    /** An XLSX in which the stored text is a string cell, and no cell anywhere is a formula. */
    static void xlsx(String where, byte[] xlsx, String stored, int fields) throws Exception {
        boolean found = false;
        String wanted = visible(stored);
        boolean noncharacters = stored.indexOf('\uFFFE') >= 0 || stored.indexOf('\uFFFF') >= 0;
        if (noncharacters) {
            // XMLBeans writes a noncharacter as '?'
            wanted = wanted.replace("?", "");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType())
                                .as("%s: cell %s is a formula", where, cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        String value = cell.getCellType() == CellType.STRING ? visible(cell.getStringCellValue()) : "";
                        if (noncharacters) {
                            value = value.replace("?", "");
                        }
                        if (value.contains(wanted)) {
                            found = true;
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("%s holds %s as a string cell", where, probe(stored))
                .isTrue();
        counted(fields);
    }

    /**
     * A CSV in which the stored text comes back (after {@link LedgerHashing#fromCell}) and, when it starts
     * like a formula, its cell starts with an apostrophe so no spreadsheet runs it.
     */
    static void csv(String where, String csv, String stored, int fields) {
        List<List<String>> rows = new ArrayList<>();
        CsvReader.read(
                new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), row -> rows.add(row.values()));
        boolean found = false;
        for (List<String> row : rows) {
            for (String cell : row) {
                if (!cell.isEmpty()) {
                    assertThat("=+-@\t\r".indexOf(cell.charAt(0)))
                            .as("%s: a cell a spreadsheet would run: %s", where, cell)
                            .isNegative();
                }
                if (LedgerHashing.fromCell(cell).equals(stored)) {
                    found = true;
                }
            }
        }
        assertThat(found).as("%s holds %s", where, probe(stored)).isTrue();
        counted(fields);
    }

    // ---------------------------------------------------------------- e-mail

    /** No header a payload added, a subject on one line, an HTML body escaped like a page. */
    static void mail(String where, MimeMessage message, String stored, int fields) throws Exception {
        String subject = message.getSubject();
        assertThat(subject)
                .as(where + ": subject on one line")
                .doesNotContain("\r")
                .doesNotContain("\n");
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName().toLowerCase(Locale.ROOT));
        }
        assertThat(names).as(where + ": headers").doesNotContain("bcc");
        assertThat(message.getHeader("Bcc")).as(where).isNull();
        String html = vn.chungtay.notification.Mails.partOf(message, "text/html");
        String text = vn.chungtay.notification.Mails.partOf(message, "text/plain");
        assertThat(html).as(where + ": HTML body").isNotNull();
        Document document = Jsoup.parse(html);
        assertSafeHtml(where + " (HTML body)", document, html);
        String wanted = probe(stored);
        boolean shown = visible(document.text()).contains(wanted)
                || (text != null && visible(text).contains(wanted))
                || visible(subject).contains(wanted);
        assertThat(shown).as("%s shows %s", where, wanted).isTrue();
        counted(fields);
    }
}
