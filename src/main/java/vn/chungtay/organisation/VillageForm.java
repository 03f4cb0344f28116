package vn.chungtay.organisation;

/** What an officer enters for a village: its name, its kind (Thôn, Buôn, Bon, ...) and the ĐBKK flag. */
public record VillageForm(String name, String type, Boolean especiallyDifficult) {

    public boolean difficult() {
        return Boolean.TRUE.equals(especiallyDifficult);
    }
}
