package vn.chungtay.shared.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An administrative document laid out as Decree 30/2020/NĐ-CP asks: the issuing body (upper case,
 * its governing body's lines above the body's own name, which is bold) on the left with {@code
 * Số: 12/BC-MTTQ}; the national name and motto on the right with the place and date in italics;
 * the document type and summary (trích yếu) in bold; the body; the signature block and the
 * "Nơi nhận" list ending with {@code - Lưu: VT.}. {@link OfficialDocx} and {@link OfficialPdf} render
 * it; reports, consolidated reports and commendation proposals (tờ trình) share it.
 */
public record OfficialDocument(
        List<String> issuingBody,
        String number,
        String symbol,
        String place,
        LocalDate date,
        String type,
        String summary,
        String salutation,
        List<Block> body,
        Signature signature,
        List<String> recipients) {

    public static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    public static final String FILED = "Lưu: VT.";
    public static final String FONT = "Times New Roman";

    public OfficialDocument {
        if (issuingBody == null || issuingBody.isEmpty()) {
            throw new IllegalArgumentException("An official document names its issuing body");
        }
        issuingBody = issuingBody.stream().map(OfficialDocument::upper).toList();
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        body = body == null ? List.of() : List.copyOf(body);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        Objects.requireNonNull(signature, "signature");
    }

    /** A part of the body. */
    public sealed interface Block permits Heading, Paragraph, Table {}

    /** A bold line such as {@code I. KẾT QUẢ THỰC HIỆN}. */
    public record Heading(String text) implements Block {}

    /** A justified paragraph, its first line indented; line breaks in the text start new paragraphs. */
    public record Paragraph(String text, boolean italic) implements Block {
        public Paragraph(String text) {
            this(text, false);
        }
    }

    /**
     * A table with a header row; the columns in {@code numeric} are right-aligned, and the last row
     * is bold when {@code totalRow} (a "Tổng cộng" line).
     */
    public record Table(List<String> headers, List<List<String>> rows, Set<Integer> numeric, boolean totalRow)
            implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream()
                    .map(r ->
                            List.copyOf(r.stream().map(c -> c == null ? "" : c).toList()))
                    .toList();
            numeric = numeric == null ? Set.of() : Set.copyOf(numeric);
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("Every row has one cell per header");
                }
            }
        }
    }

    /** {@code TM. BAN THƯỜNG TRỰC} / {@code CHỦ TỊCH} / (signature) / the signer's name, if known. */
    public record Signature(String onBehalf, String title, String name) {
        public Signature {
            onBehalf = upper(onBehalf);
            title = upper(title);
        }
    }

    /** {@code Số: 12/BC-MTTQ}, or {@code Số: …/BC-MTTQ} before the document has its number. */
    public String numberLine() {
        return "Số: " + (number == null || number.isBlank() ? "…" : number.trim()) + "/" + symbol;
    }

    /**
     * {@code Cư Jút, ngày 05 tháng 7 năm 2026}: days below 10 and the months January and February
     * with a leading zero, as the decree asks.
     */
    public String placeAndDate() {
        int month = date.getMonthValue();
        return "%s, ngày %02d tháng %s năm %d"
                .formatted(
                        place,
                        date.getDayOfMonth(),
                        month <= 2 ? "0" + month : Integer.toString(month),
                        date.getYear());
    }

    /** The recipients, each {@code - …;}, the last one {@code - Lưu: VT.}. */
    public List<String> recipientLines() {
        List<String> lines = new ArrayList<>();
        for (String recipient : recipients) {
            String text = recipient.strip();
            if (text.startsWith("-")) {
                text = text.substring(1).strip();
            }
            if (!text.endsWith(";")) {
                text = text + ";";
            }
            lines.add("- " + text);
        }
        lines.add("- " + FILED);
        return lines;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }
}
