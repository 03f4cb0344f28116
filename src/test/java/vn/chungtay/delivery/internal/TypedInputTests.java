package vn.chungtay.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TypedInputTests {

    @Test
    void readsMoneyAsOfficersTypeIt() {
        assertThat(TypedInput.dong("1500000")).isEqualTo(1_500_000L);
        assertThat(TypedInput.dong("1.500.000")).isEqualTo(1_500_000L);
        assertThat(TypedInput.dong("1,500,000 đ")).isEqualTo(1_500_000L);
        assertThat(TypedInput.dong("1 500 000 ₫")).isEqualTo(1_500_000L);
    }

    @Test
    void refusesMoneyThatIsNotWholeDong() {
        assertThat(TypedInput.dong("1500,5")).isNull();
        assertThat(TypedInput.dong("-5")).isNull();
        assertThat(TypedInput.dong("năm trăm")).isNull();
        assertThat(TypedInput.dong("")).isNull();
    }

    @Test
    void readsIsoAndVietnameseDates() {
        assertThat(TypedInput.date("2026-10-17")).isEqualTo(LocalDate.of(2026, 10, 17));
        assertThat(TypedInput.date("17/10/2026")).isEqualTo(LocalDate.of(2026, 10, 17));
        assertThat(TypedInput.date("31/02/2026")).isNull();
        assertThat(TypedInput.date("hôm qua")).isNull();
    }
}
