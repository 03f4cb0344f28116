package vn.chungtay.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.chungtay.hostile.HostileInputSummary;

class CsvReaderPropertyTests {

    private static final String SUITE = "CsvReaderPropertyTests";

    @AfterContainer
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    record Table(List<String> header, List<List<String>> rows) {}

    record Encoding(boolean bom, String lineEnd, boolean quoteAll, boolean finalLineEnd) {}

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("abcđếỡ 0123,\"\r\n;=+-@'\t".toCharArray())
                        .ofMaxLength(12),
                Arbitraries.of("=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "\"\"", ",", "\r\n", "\uFEFF"));
        Arbitrary<Integer> width = Arbitraries.integers().between(2, 6);
        return width.flatMap(w -> {
            Arbitrary<List<String>> header = Arbitraries.strings()
                    .withChars("abcdêđ_ ,\"".toCharArray())
                    .ofMinLength(1)
                    .ofMaxLength(8)
                    .filter(h -> !h.isBlank() && h.equals(h.trim()))
                    .list()
                    .ofSize(w)
                    .uniqueElements();
            Arbitrary<List<List<String>>> rows = cell.list().ofSize(w).list().ofMaxSize(8);
            return Combinators.combine(header, rows).as(Table::new);
        });
    }

    @Provide
    Arbitrary<Encoding> encodings() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of("\r\n", "\n"),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(Encoding::new);
    }

    @Property
    void readsBackEveryRowWrittenWithQuotesCommasLineBreaksBomAndCrlf(
            @ForAll("tables") Table table, @ForAll("encodings") Encoding encoding) {
        HostileInputSummary.tried(SUITE);
        String text = write(table, encoding);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<List<String>> read = new ArrayList<>();
        List<String> header = CsvReader.read(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                row -> read.add(row.values()));
        assertThat(header).isEqualTo(table.header());
        assertThat(read).isEqualTo(table.rows());
    }

    @Property
    void anyTextEitherReadsOrFailsAsMalformedCsv(@ForAll("garbage") String text) {
        HostileInputSummary.tried(SUITE);
        try {
            CsvReader.read(new StringReader(text), row -> {});
        } catch (CsvReader.MalformedCsv expected) {
            assertThat(expected.line()).isPositive();
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("a,\"\r\n\uFEFF x".toCharArray())
                        .ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    private static String write(Table table, Encoding encoding) {
        StringBuilder out = new StringBuilder();
        if (encoding.bom()) {
            out.append('\uFEFF');
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header());
        lines.addAll(table.rows());
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            for (int c = 0; c < line.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                String value = line.get(c);
                boolean needsQuotes = encoding.quoteAll()
                        || value.isEmpty() && line.size() == 1
                        || value.matches("(?s).*[,\"\r\n].*")
                        || value.startsWith("\uFEFF");
                if (needsQuotes) {
                    out.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(value);
                }
            }
            if (i < lines.size() - 1 || encoding.finalLineEnd()) {
                out.append(encoding.lineEnd());
            }
        }
        return out.toString();
    }
}
