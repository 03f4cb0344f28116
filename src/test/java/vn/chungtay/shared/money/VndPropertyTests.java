package vn.chungtay.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Negative;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.chungtay.hostile.HostileInputSummary;

class VndPropertyTests {

    private static final String SUITE = "VndPropertyTests";

    @AfterContainer
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    @Property
    void plusIsTheSumOrFailsLoudlyOnOverflow(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        HostileInputSummary.tried(SUITE);
        if (a > Long.MAX_VALUE - b) {
            assertThatThrownBy(() -> Vnd.of(a).plus(Vnd.of(b))).isInstanceOf(ArithmeticException.class);
        } else {
            Vnd sum = Vnd.of(a).plus(Vnd.of(b));
            assertThat(sum.dong()).isEqualTo(a + b).isGreaterThanOrEqualTo(0);
            assertThat(sum.isAtLeast(Vnd.of(a))).isTrue();
        }
    }

    @Property
    void timesIsTheProductOrFailsLoudlyOnOverflow(
            @ForAll @LongRange(min = 0) long unit, @ForAll @LongRange(min = 0) long quantity) {
        HostileInputSummary.tried(SUITE);
        java.math.BigInteger exact =
                java.math.BigInteger.valueOf(unit).multiply(java.math.BigInteger.valueOf(quantity));
        if (exact.bitLength() > 63) {
            assertThatThrownBy(() -> Vnd.of(unit).times(quantity)).isInstanceOf(ArithmeticException.class);
        } else {
            assertThat(Vnd.of(unit).times(quantity).dong()).isEqualTo(exact.longValue());
        }
    }

    @Property
    void negativeAmountsAndQuantitiesAreRefused(@ForAll @Negative long negative, @ForAll @LongRange(min = 0) long a) {
        HostileInputSummary.tried(SUITE);
        assertThatThrownBy(() -> Vnd.of(negative)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vnd.of(a).times(negative)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void remainingAfterIsNeverNegativeAndAddsBackUp(
            @ForAll @LongRange(min = 0) long target, @ForAll @LongRange(min = 0) long paid) {
        HostileInputSummary.tried(SUITE);
        Vnd remaining = Vnd.of(target).remainingAfter(Vnd.of(paid));
        assertThat(remaining.dong()).isGreaterThanOrEqualTo(0);
        if (paid <= target) {
            assertThat(remaining.plus(Vnd.of(paid))).isEqualTo(Vnd.of(target));
        } else {
            assertThat(remaining.isZero()).isTrue();
        }
    }

    @Property
    void percentOfStaysBetweenZeroAndHundredAndIsMonotonic(
            @ForAll @LongRange(min = 0) long amount, @ForAll @LongRange(min = 0) long target) {
        HostileInputSummary.tried(SUITE);
        int percent = Vnd.of(amount).percentOf(Vnd.of(target));
        assertThat(percent).isBetween(0, 100);
        if (amount >= target) {
            assertThat(percent).isEqualTo(100);
        } else {
            assertThat(percent).isLessThan(100);
            Assume.that(amount < Long.MAX_VALUE);
            assertThat(Vnd.of(amount + 1).percentOf(Vnd.of(target))).isGreaterThanOrEqualTo(percent);
        }
    }

    @Property
    void formattedKeepsEveryDigitGroupedInThousands(@ForAll @LongRange(min = 0) long dong) {
        HostileInputSummary.tried(SUITE);
        String text = Vnd.of(dong).formatted();
        assertThat(text).endsWith(" ₫").matches("\\d{1,3}(\\.\\d{3})* ₫");
        String digits = text.substring(0, text.length() - 2).replace(".", "");
        assertThat(Long.parseLong(digits)).isEqualTo(dong);
    }
}
