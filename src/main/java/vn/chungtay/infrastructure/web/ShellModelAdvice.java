package vn.chungtay.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** What the layout needs on every page: who is signed in and the current path (for the language switch). */
@ControllerAdvice
class ShellModelAdvice {

    @ModelAttribute("currentActor")
    Actor currentActor() {
        return CurrentActor.find().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
