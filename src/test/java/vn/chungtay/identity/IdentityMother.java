package vn.chungtay.identity;

import java.util.concurrent.atomic.AtomicInteger;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.Role;

/** Test accounts with unique usernames, so tests sharing one database never meet each other's data. */
final class IdentityMother {

    static final String PASSWORD = "mat-khau-dung-1";
    static final String DEMO_PASSWORD = "demo12345";
    static final Actor PROVINCE_LAM_DONG = new Actor("tinh.lamdong", Role.PROVINCE_OFFICER, "68");
    static final Actor COMMUNE_CU_JUT = new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IdentityMother() {}

    static String uniqueUsername(String stem) {
        return stem + "." + System.currentTimeMillis() % 100_000 + "." + SEQUENCE.incrementAndGet();
    }

    static NewUser communeOfficer(String stem, String communeCode) {
        return new NewUser(
                uniqueUsername(stem), "Cán bộ thử nghiệm", null, Role.COMMUNE_OFFICER, communeCode, PASSWORD);
    }

    static UserView createCommuneOfficer(IdentityManagement identity, String stem) {
        return identity.createUser(Actor.SYSTEM, communeOfficer(stem, "24640"));
    }

    static Actor actorOf(UserView user) {
        return new Actor(user.username(), user.role(), user.scopeCode());
    }
}
