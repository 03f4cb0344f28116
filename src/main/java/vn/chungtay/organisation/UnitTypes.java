package vn.chungtay.organisation;

import java.util.List;

/** The kinds of administrative unit and village, in Vietnamese as the official lists spell them. */
public final class UnitTypes {

    public static final List<String> PROVINCE_TYPES = List.of("Tỉnh", "Thành phố trực thuộc trung ương");
    public static final List<String> DISTRICT_TYPES = List.of("Huyện", "Quận", "Thị xã", "Thành phố");
    public static final List<String> COMMUNE_TYPES = List.of("Xã", "Phường", "Thị trấn", "Đặc khu");
    public static final List<String> VILLAGE_TYPES =
            List.of("Thôn", "Buôn", "Bon", "Bản", "Ấp", "Tổ dân phố", "Làng", "Xóm");

    private UnitTypes() {}

    public static boolean isKnown(String type) {
        return PROVINCE_TYPES.contains(type)
                || DISTRICT_TYPES.contains(type)
                || COMMUNE_TYPES.contains(type)
                || VILLAGE_TYPES.contains(type);
    }

    public static boolean isVillageType(String type) {
        return VILLAGE_TYPES.contains(type);
    }

    public static boolean isCommuneType(String type) {
        return COMMUNE_TYPES.contains(type);
    }
}
