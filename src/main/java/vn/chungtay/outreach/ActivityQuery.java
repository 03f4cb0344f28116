package vn.chungtay.outreach;

/** Filters of the activity list; blank or null means any. */
public record ActivityQuery(String communeCode, String villageCode, Integer year, OutreachMethod method, Topic topic) {

    public static ActivityQuery all() {
        return new ActivityQuery(null, null, null, null, null);
    }
}
