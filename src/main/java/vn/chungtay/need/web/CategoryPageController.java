package vn.chungtay.need.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;

/** Administrators add support categories; everyone signed in sees the list. */
@Controller
class CategoryPageController {

    private final NeedManagement needs;
    private final MessageSource messages;

    CategoryPageController(NeedManagement needs, MessageSource messages) {
        this.needs = needs;
        this.messages = messages;
    }

    @GetMapping("/admin/support-categories")
    String list(Model model) {
        if (!vn.chungtay.shared.security.CurrentActor.get().has(vn.chungtay.shared.security.Role.ADMIN)) {
            throw new vn.chungtay.shared.security.OutsideScope("Only administrators manage support categories");
        }
        model.addAttribute("categories", needs.categories());
        return "need/categories";
    }

    @PostMapping("/admin/support-categories")
    String add(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String nameVi,
            @RequestParam(defaultValue = "") String nameEn,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            SupportCategory added = needs.addCategory(code, nameVi, nameEn);
            redirect.addFlashAttribute(
                    "flashSuccess", messages.getMessage("need.category.added", new Object[] {added.nameVi()}, locale));
        } catch (InvalidNeedInput e) {
            InvalidNeedInput.Problem p = e.first();
            redirect.addFlashAttribute(
                    "flashError", messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale));
        }
        return "redirect:/admin/support-categories";
    }
}
