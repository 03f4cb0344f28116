package vn.chungtay.shared.money;

/** An amount of Vietnamese đồng, whole đồng only (VND has no smaller unit in use); never negative. */
public record Vnd(long dong) implements Comparable<Vnd> {

    public static final Vnd ZERO = new Vnd(0);

    public Vnd {
        if (dong < 0) {
            throw new IllegalArgumentException("An amount of đồng is not negative: " + dong);
        }
    }

    public static Vnd of(long dong) {
        return new Vnd(dong);
    }

    public Vnd plus(Vnd other) {
        return new Vnd(Math.addExact(dong, other.dong));
    }

    /** This amount less another, never below zero (what is still missing). */
    public Vnd remainingAfter(Vnd paid) {
        return new Vnd(Math.max(0, dong - paid.dong));
    }

    /** The price of a quantity at this unit cost; fails on overflow instead of wrapping. */
    public Vnd times(long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("A quantity is not negative: " + quantity);
        }
        return new Vnd(Math.multiplyExact(dong, quantity));
    }

    public boolean isZero() {
        return dong == 0;
    }

    public boolean isAtLeast(Vnd other) {
        return dong >= other.dong;
    }

    /** Whole percent of a target this amount reaches, 0–100 (a zero target counts as reached). */
    public int percentOf(Vnd target) {
        if (target.dong == 0) {
            return 100;
        }
        if (dong >= target.dong) {
            return 100;
        }
        return (int) (java.math.BigInteger.valueOf(dong)
                .multiply(java.math.BigInteger.valueOf(100))
                .divide(java.math.BigInteger.valueOf(target.dong))
                .longValue());
    }

    /** Vietnamese grouping with dots and the đồng sign: {@code 1.250.000 ₫}. */
    public String formatted() {
        String digits = Long.toString(dong);
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return out.append(" ₫").toString();
    }

    @Override
    public int compareTo(Vnd other) {
        return Long.compare(dong, other.dong);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
