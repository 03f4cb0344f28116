package vn.chungtay.ledger.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.ledger.ChainCheck;
import vn.chungtay.ledger.internal.LedgerChainWatch;
import vn.chungtay.ledger.internal.LedgerQueries;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/** The alerts of the chain check (administrators and supervisors), and the check of every chain on demand. */
@Controller
class LedgerAlertsController {

    private final LedgerQueries queries;
    private final LedgerChainWatch watch;
    private final MessageSource messages;

    LedgerAlertsController(LedgerQueries queries, LedgerChainWatch watch, MessageSource messages) {
        this.queries = queries;
        this.watch = watch;
        this.messages = messages;
    }

    @GetMapping("/admin/ledger/alerts")
    String alerts(Model model) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN) && !actor.has(Role.SUPERVISOR)) {
            throw new OutsideScope(actor.username() + " may not read the ledger alerts");
        }
        model.addAttribute("alerts", queries.alerts(200));
        model.addAttribute("canCheck", actor.has(Role.ADMIN));
        return "ledger/alerts";
    }

    @PostMapping("/admin/ledger/alerts/check")
    String checkAll(RedirectAttributes redirect, Locale locale) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN)) {
            throw new OutsideScope(actor.username() + " may not run the ledger check");
        }
        List<ChainCheck> broken = watch.checkAll();
        if (broken.isEmpty()) {
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("ledger.alerts.allIntact", null, locale));
        } else {
            redirect.addFlashAttribute(
                    "flashError",
                    messages.getMessage(
                            "ledger.alerts.someBroken", new Object[] {Integer.toString(broken.size())}, locale));
        }
        return "redirect:/admin/ledger/alerts";
    }
}
