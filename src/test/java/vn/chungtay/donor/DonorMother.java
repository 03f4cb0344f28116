package vn.chungtay.donor;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** Donors with unique names and contacts, so tests sharing one database never meet each other's rows. */
final class DonorMother {

    static final Actor CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");
    static final Actor NAM_DONG = new Actor("xa.namdong", Role.COMMUNE_OFFICER, "24649");
    static final Actor PROVINCE = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");
    static final Actor SUPERVISOR = new Actor("giamsat.lamdong", Role.SUPERVISOR, "68");
    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);

    private static final String LETTERS = "abcdeghiklmnopqrstuvxy";

    private DonorMother() {}

    /** A made-up word, so names differ between tests: "Nguyễn Văn Kheto". */
    static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        word.append(Character.toUpperCase(LETTERS.charAt(random.nextInt(LETTERS.length()))));
        for (int i = 0; i < 7; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    static String phone() {
        return "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String email() {
        return word().toLowerCase() + "@example.com";
    }

    static String taxCode() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    static DonorForm person(String name, String phone, String email) {
        return new DonorForm(DonorKind.INDIVIDUAL, name, true, "VN", phone, email, null, null, false, false, null);
    }

    static DonorForm business(String name, String taxCode) {
        return new DonorForm(DonorKind.BUSINESS, name, true, "VN", null, null, null, taxCode, false, false, null);
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        Object[] result = new Object[1];
        CurrentActor.runAs(actor, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    static void as(Actor actor, Runnable work) {
        CurrentActor.runAs(actor, work);
    }
}
