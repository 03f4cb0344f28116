package vn.chungtay.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the account being signed in to as a {@link vn.chungtay.identity.SignedInUser}. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim())
                .map(UserAccount::toPrincipal)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
