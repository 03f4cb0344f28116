package vn.chungtay.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.chungtay.shared.csv.CsvReader;

class CsvReaderTests {

    private static List<CsvReader.Row> read(String text) {
        List<CsvReader.Row> rows = new ArrayList<>();
        CsvReader.read(new StringReader(text), rows::add);
        return rows;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("a")).isEqualTo("x, y");
        assertThat(rows.get(0).get("b")).isEqualTo("say \"hi\"");
        assertThat(rows.get(1).get("a")).isEqualTo("two\nlines");
    }

    @Test
    void numbersRowsByTheLineTheyStartOn() {
        List<CsvReader.Row> rows = read("a\n\"1\n2\"\nlast\n");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2L, 4L);
    }

    @Test
    void dropsTheByteOrderMarkAndBlankLines() {
        List<CsvReader.Row> rows = read("\uFEFFcode,name\n\n01,Hà Nội\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("code")).isEqualTo("01");
    }

    @Test
    void rejectsAnUnclosedQuoteNamingItsLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\"open,3\n"))
                .isInstanceOf(CsvReader.MalformedCsv.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void missingColumnsReadAsEmpty() {
        List<CsvReader.Row> rows = read("a,b,c\n1\n");
        assertThat(rows.get(0).get("c")).isEmpty();
        assertThat(rows.get(0).get("nope")).isEmpty();
    }
}
