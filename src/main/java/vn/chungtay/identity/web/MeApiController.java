package vn.chungtay.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.identity.SignedInUser;

/** {@code GET /api/v1/me}: who the API caller is, to check a token or password works. */
@RestController
class MeApiController {

    record Me(String username, String displayName, String role, String scopeCode) {}

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(user.getUsername(), user.displayName(), user.role().name(), user.scopeCode());
    }
}
