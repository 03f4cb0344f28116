package vn.chungtay.need;

/** Filters of the officers' need list; blank values do not filter. */
public record NeedQuery(String communeCode, NeedStatus status, String categoryCode, Integer year, String text) {

    public static NeedQuery all() {
        return new NeedQuery(null, null, null, null, null);
    }
}
