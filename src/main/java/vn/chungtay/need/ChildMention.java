package vn.chungtay.need;

/**
 * What the public may read about the child of a need, from the child's anonymous profile when the
 * guardian consented: age, sex ({@code MALE}/{@code FEMALE}) and ethnic group. Never a name,
 * birth date, photo or family detail.
 */
public record ChildMention(int ageYears, String sex, String ethnicGroupName) {

    public boolean girl() {
        return "FEMALE".equals(sex);
    }
}
