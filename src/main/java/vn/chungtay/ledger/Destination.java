package vn.chungtay.ledger;

/**
 * Where an allocation goes: a need (the ledger fills in its commune, village and category), or a
 * commune (optionally a village and a category), or a category at a unit.
 */
public record Destination(Long needId, String communeCode, String villageCode, String categoryCode) {

    public Destination {
        if (needId == null && blank(communeCode) && blank(categoryCode)) {
            throw new IllegalArgumentException("A destination names a need, a commune or a category");
        }
    }

    public static Destination toNeed(long needId) {
        return new Destination(needId, null, null, null);
    }

    public static Destination toCommune(String communeCode, String categoryCode) {
        return new Destination(null, communeCode, null, categoryCode);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
