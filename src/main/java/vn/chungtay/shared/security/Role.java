package vn.chungtay.shared.security;

/** What a person may do in ChungTay; where they may do it is their scope. */
public enum Role {
    ADMIN,
    PROVINCE_OFFICER,
    COMMUNE_OFFICER,
    VILLAGE_COLLABORATOR,
    SUPERVISOR,
    DONOR;

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
