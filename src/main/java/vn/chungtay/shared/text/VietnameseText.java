package vn.chungtay.shared.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds Vietnamese text for search: "Đắk  Wil" and "dak wil" fold to the same "dak wil". */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");

    private VietnameseText() {}

    /**
     * Lower case, without diacritics (đ/Đ become d), apostrophes dropped ("T'Ling" is "tling"),
     * every other run of punctuation or spaces a single space, trimmed.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String plain = withoutMarks.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").trim();
    }

    /** Normalises user-typed text for storage: NFC, single spaces, trimmed; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .trim();
    }
}
