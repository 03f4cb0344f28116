package vn.chungtay.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records reach logs through frameworks (Spring MVC prints request bodies at DEBUG): they print no personal data. */
class ChildRecordsPrintNoPersonalDataTests {

    @Test
    void aChildFormPrintsNeitherNameNorBirthDateNorGuardian() throws Exception {
        ChildForm form = with(
                ChildForm.blank("24640-01"),
                Map.of(
                        "fullName", "Hờ A Tủa Thử",
                        "dateOfBirth", LocalDate.of(2016, 3, 14),
                        "guardianName", "Hờ Thị Mỷ Thử",
                        "guardianPhone", "0905123456"));
        assertThat(form.fullName()).isEqualTo("Hờ A Tủa Thử");
        assertThat(form.toString())
                .doesNotContain("Tủa")
                .doesNotContain("Mỷ")
                .doesNotContain("2016")
                .doesNotContain("0905123456");
    }

    /** A copy of the record with some components replaced. */
    private static ChildForm with(ChildForm original, Map<String, Object> changes) throws Exception {
        RecordComponent[] components = ChildForm.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = changes.containsKey(components[i].getName())
                    ? changes.get(components[i].getName())
                    : components[i].getAccessor().invoke(original);
        }
        return ChildForm.class.getDeclaredConstructor(types).newInstance(values);
    }
}
