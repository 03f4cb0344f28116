package vn.chungtay.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.chungtay.shared.money.Vnd;

class VndTests {

    @Test
    void multipliesAndAddsInWholeDong() {
        Vnd unitCost = Vnd.of(180_000);
        assertThat(unitCost.times(45)).isEqualTo(Vnd.of(8_100_000));
        assertThat(Vnd.of(1).plus(Vnd.of(2))).isEqualTo(Vnd.of(3));
        // what a double would get wrong: 0.1 + 0.2 style drift never happens in whole đồng
        Vnd sum = Vnd.ZERO;
        for (int i = 0; i < 1_000; i++) {
            sum = sum.plus(Vnd.of(33_333));
        }
        assertThat(sum.dong()).isEqualTo(33_333_000L);
    }

    @Test
    void refusesNegativeAmountsAndOverflow() {
        assertThatThrownBy(() -> Vnd.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vnd.of(Long.MAX_VALUE / 2).times(3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Vnd.of(Long.MAX_VALUE).plus(Vnd.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void percentIsWholeAndCappedAtAHundred() {
        assertThat(Vnd.of(1_000_000).percentOf(Vnd.of(2_500_000))).isEqualTo(40);
        assertThat(Vnd.of(1).percentOf(Vnd.of(3))).isEqualTo(33);
        assertThat(Vnd.of(1).percentOf(Vnd.of(1_000))).isZero();
        assertThat(Vnd.of(2).percentOf(Vnd.of(3))).isEqualTo(66);
        assertThat(Vnd.of(5_000_000).percentOf(Vnd.of(2_500_000))).isEqualTo(100);
        assertThat(Vnd.of(Long.MAX_VALUE - 1).percentOf(Vnd.of(Long.MAX_VALUE))).isEqualTo(99);
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertThat(Vnd.of(100).remainingAfter(Vnd.of(30))).isEqualTo(Vnd.of(70));
        assertThat(Vnd.of(100).remainingAfter(Vnd.of(130))).isEqualTo(Vnd.ZERO);
    }

    @Test
    void formatsWithVietnameseGrouping() {
        assertThat(Vnd.of(0).formatted()).isEqualTo("0 ₫");
        assertThat(Vnd.of(950).formatted()).isEqualTo("950 ₫");
        assertThat(Vnd.of(1_250_000).formatted()).isEqualTo("1.250.000 ₫");
        assertThat(Vnd.of(45_000_000_000L).formatted()).isEqualTo("45.000.000.000 ₫");
    }

    @Test
    void readsAmountsAsOfficersTypeThem() {
        assertThat(NeedManagement.dong("150000")).isEqualTo(150_000L);
        assertThat(NeedManagement.dong("150.000")).isEqualTo(150_000L);
        assertThat(NeedManagement.dong("1,250,000 đ")).isEqualTo(1_250_000L);
        assertThat(NeedManagement.dong("150.5")).isNull();
        assertThat(NeedManagement.dong("-5")).isNull();
        assertThat(NeedManagement.dong("abc")).isNull();
    }
}
