package vn.chungtay.outreach;

/**
 * A language an activity was held in: {@code vi} for Vietnamese, or the two-digit code of an
 * ethnic group (Decision 121-TCTK, the list the child registry uses) for that group's language;
 * {@code groupName} is the ethnic group's name (null for Vietnamese), pages say "Tiếng {group}".
 */
public record OutreachLanguage(String code, String groupName) {

    public static final String VIETNAMESE = "vi";

    public boolean isVietnamese() {
        return VIETNAMESE.equals(code);
    }
}
