package vn.chungtay.shared.money;

/**
 * An amount of đồng in Vietnamese words, as receipts write it: {@code 1.500.000} is "Một triệu năm
 * trăm nghìn đồng", {@code 1.005} "Một nghìn không trăm linh năm đồng", {@code 0} "Không đồng".
 * Rules: "mười" for the tens digit 1, "mươi" above; "mốt" for a final 1 after a tens digit of 2 or
 * more; "lăm" for a final 5 after any tens digit; "linh" for a zero tens digit before a unit; a
 * group after a larger one is read in full ("không trăm"); whole billions repeat the scale ("một
 * nghìn tỷ", "một tỷ tỷ").
 */
public final class VndInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long BILLION = 1_000_000_000L;

    private VndInWords() {}

    /** The amount in words, capitalised, ending in "đồng". */
    public static String of(Vnd amount) {
        return of(amount.dong());
    }

    /** The amount in words, capitalised, ending in "đồng"; negative amounts are refused. */
    public static String of(long dong) {
        if (dong < 0) {
            throw new IllegalArgumentException("An amount of đồng is not negative: " + dong);
        }
        String words = dong == 0 ? DIGITS[0] : read(dong, false);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /**
     * Reads a positive number; {@code full} when a larger part was read before it, so that leading
     * zero hundreds are said ("không trăm").
     */
    private static String read(long n, boolean full) {
        if (n >= BILLION) {
            String words = read(n / BILLION, full) + " tỷ";
            long rest = n % BILLION;
            return rest == 0 ? words : words + " " + read(rest, true);
        }
        int millions = (int) (n / 1_000_000);
        int thousands = (int) (n / 1_000 % 1_000);
        int units = (int) (n % 1_000);
        StringBuilder out = new StringBuilder();
        boolean before = full;
        if (millions > 0) {
            out.append(group(millions, before)).append(" triệu");
            before = true;
        }
        if (thousands > 0) {
            append(out, group(thousands, before) + " nghìn");
            before = true;
        }
        if (units > 0) {
            append(out, group(units, before));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String words) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(words);
    }

    /** One group of three digits (1–999); {@code full} says "không trăm" and "linh" after a larger group. */
    private static String group(int n, boolean full) {
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        StringBuilder out = new StringBuilder();
        if (hundreds > 0 || full) {
            out.append(DIGITS[hundreds]).append(" trăm");
        }
        if (tens == 0) {
            if (ones > 0) {
                if (!out.isEmpty()) {
                    out.append(" linh");
                }
                append(out, DIGITS[ones]);
            }
            return out.toString();
        }
        append(out, tens == 1 ? "mười" : DIGITS[tens] + " mươi");
        if (ones == 1 && tens > 1) {
            out.append(" mốt");
        } else if (ones == 5) {
            out.append(" lăm");
        } else if (ones > 0) {
            out.append(' ').append(DIGITS[ones]);
        }
        return out.toString();
    }
}
