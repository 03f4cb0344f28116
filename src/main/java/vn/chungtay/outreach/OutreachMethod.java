package vn.chungtay.outreach;

/** How the families were reached (hình thức tuyên truyền). */
public enum OutreachMethod {
    VILLAGE_MEETING,
    HOME_VISITS,
    LOUDSPEAKER,
    LEAFLETS,
    SCHOOL_SESSION,
    SOCIAL_MEDIA,
    OTHER
}
