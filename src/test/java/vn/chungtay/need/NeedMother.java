package vn.chungtay.need;

/** Needs for tests: a valid form to adjust, as JSON for the API. */
final class NeedMother {

    private NeedMother() {}

    static NeedForm warmClothes(String villageCode, int year, String season) {
        return new NeedForm(
                "VILLAGE",
                null,
                villageCode,
                null,
                "DO_AM",
                "Áo ấm cho trẻ em (kiểm thử)",
                "10",
                "cái",
                "250000",
                Integer.toString(year),
                season,
                null,
                "HIGH",
                "10",
                false);
    }

    static String json(String villageCode, String category, int year, String season, String quantity, String unitCost) {
        return """
                {"target": "VILLAGE", "unitCode": "%s", "categoryCode": "%s", "description": "Nhu cầu kiểm thử",
                 "quantity": %s, "unit": "bộ", "unitCost": %s, "year": %d, "season": "%s", "priority": "HIGH",
                 "childrenServed": 12}""".formatted(villageCode, category, quantity, unitCost, year, season);
    }
}
