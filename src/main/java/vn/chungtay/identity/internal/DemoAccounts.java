package vn.chungtay.identity.internal;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.identity.UserCreated;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Role;

/**
 * The demo accounts of the README (password {@code demo12345}), created once at start-up on the
 * embedded database only, after the org units (order 10) are loaded. Existing accounts are left as
 * they are.
 */
@Component
@Order(30)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo12345";

    record DemoAccount(String username, String displayName, Role role, String scopeCode) {}

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", Role.ADMIN, null),
            new DemoAccount("tinh.lamdong", "Cán bộ Ủy ban MTTQ tỉnh Lâm Đồng", Role.PROVINCE_OFFICER, "68"),
            new DemoAccount("xa.cujut", "Cán bộ Ủy ban MTTQ xã Cư Jút", Role.COMMUNE_OFFICER, "24640"),
            new DemoAccount("xa.namdong", "Cán bộ Ủy ban MTTQ xã Nam Dong", Role.COMMUNE_OFFICER, "24649"),
            new DemoAccount("giamsat.lamdong", "Giám sát viên tỉnh Lâm Đồng", Role.SUPERVISOR, "68"));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Environment environment;

    DemoAccounts(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Environment environment) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        int created = 0;
        for (DemoAccount demo : ACCOUNTS) {
            if (users.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            UserAccount account = users.saveAndFlush(new UserAccount(
                    demo.username(),
                    demo.displayName(),
                    null,
                    demo.role(),
                    demo.scopeCode(),
                    passwordEncoder.encode(PASSWORD),
                    Instant.now()));
            events.publishEvent(new UserCreated(account.id(), demo.username(), demo.scopeCode(), account.auditState()));
            created++;
        }
        if (created > 0) {
            log.info("Created {} demo accounts (password {})", created, PASSWORD);
        }
    }
}
