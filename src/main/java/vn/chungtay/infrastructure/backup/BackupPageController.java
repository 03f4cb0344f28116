package vn.chungtay.infrastructure.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/** {@code /admin/backups}: the backups kept by this installation, one more on demand, downloads. ADMIN only. */
@Controller
class BackupPageController {

    private final Backups backups;
    private final MessageSource messages;

    BackupPageController(Backups backups, MessageSource messages) {
        this.backups = backups;
        this.messages = messages;
    }

    @GetMapping("/admin/backups")
    String list(Model model) throws IOException {
        requireAdmin();
        model.addAttribute("backups", backups.list());
        return "admin/backups";
    }

    @PostMapping("/admin/backups")
    String create(RedirectAttributes redirect, Locale locale) throws IOException, SQLException {
        requireAdmin();
        var written = backups.create();
        if (written.isPresent()) {
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "backup.created", new Object[] {written.get().name()}, locale));
        } else {
            redirect.addFlashAttribute("flashError", messages.getMessage("backup.busy", null, locale));
        }
        return "redirect:/admin/backups";
    }

    @GetMapping("/admin/backups/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name) throws IOException {
        requireAdmin();
        Path file = backups.file(name).orElseThrow(BackupNotFound::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    private static void requireAdmin() {
        if (!CurrentActor.get().has(Role.ADMIN)) {
            throw new OutsideScope("Only administrators manage backups");
        }
    }

    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class BackupNotFound extends RuntimeException {
        BackupNotFound() {
            super("No such backup");
        }
    }
}
