package vn.chungtay.delivery.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildStatus;
import vn.chungtay.child.ChildSummary;
import vn.chungtay.child.ReasonRequired;
import vn.chungtay.delivery.CampaignChoice;
import vn.chungtay.delivery.DeliveryForm;
import vn.chungtay.delivery.DeliveryId;
import vn.chungtay.delivery.DeliveryManagement;
import vn.chungtay.delivery.DeliveryRefused;
import vn.chungtay.delivery.DeliveryUpload;
import vn.chungtay.delivery.DeliveryView;
import vn.chungtay.delivery.DuplicateSupportWarning;
import vn.chungtay.delivery.InvalidDeliveryInput;
import vn.chungtay.delivery.ProofKind;
import vn.chungtay.delivery.StoredFile;
import vn.chungtay.delivery.SupportHistory;
import vn.chungtay.delivery.SupportRecord;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * Officers' delivery pages: the list within scope, the phone-friendly form for a need (with the
 * proof photo), a delivery with its files, the private files themselves, and a child's support history.
 */
@Controller
class DeliveryPageController {

    private final DeliveryManagement deliveries;
    private final NeedManagement needs;
    private final ChildManagement children;
    private final CampaignManagement campaigns;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    DeliveryPageController(
            DeliveryManagement deliveries,
            NeedManagement needs,
            ChildManagement children,
            CampaignManagement campaigns,
            OrganisationManagement organisation,
            MessageSource messages) {
        this.deliveries = deliveries;
        this.needs = needs;
        this.children = children;
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/deliveries")
    String list(@RequestParam(required = false) Long need, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<DeliveryView> found = deliveries.find(need, page, 25);
        model.addAttribute("page", found);
        model.addAttribute("need", need);
        model.addAttribute("categories", categoryNames());
        model.addAttribute(
                "campaignNames",
                campaignNames(
                        found.items().stream().map(DeliveryView::campaignId).toList()));
        model.addAttribute(
                "unitNames",
                unitNames(found.items().stream().map(DeliveryView::unitCode).toList()));
        model.addAttribute("pageUrl", "/deliveries?" + (need == null ? "" : "need=" + need + "&"));
        return "delivery/list";
    }

    @GetMapping("/deliveries/new")
    String newDelivery(@RequestParam("need") long needId, Model model) {
        NeedView need = needs.get(new NeedId(needId));
        List<CampaignChoice> choices = deliveries.campaignsFor(need.id());
        Long campaign = choices.size() == 1 ? choices.get(0).campaignId() : null;
        model.addAttribute(
                "deliveryForm",
                DeliveryForm.empty(
                        needId,
                        campaign,
                        organisation.today().toString(),
                        CurrentActor.get().username()));
        return form(model, need, choices, Map.of(), List.of(), ProofKind.SIGNED_LIST);
    }

    @PostMapping("/deliveries")
    String create(
            @ModelAttribute("deliveryForm") DeliveryForm form,
            BindingResult binding,
            @RequestParam(required = false) MultipartFile proof,
            @RequestParam(required = false) String proofKind,
            @RequestParam(required = false) List<MultipartFile> photos,
            Model model,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        if (form.needId() == null) {
            throw new DeliveryNotFoundForPage();
        }
        NeedView need = needs.get(new NeedId(form.needId()));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (var error : binding.getFieldErrors()) {
            add(errors, error.getField(), messages.getMessage("delivery.field.invalid", null, locale));
        }
        ProofKind kind = ProofKind.SIGNED_LIST;
        try {
            kind = DeliveryApiController.proofKind(proofKind);
        } catch (InvalidDeliveryInput e) {
            add(errors, "proofKind", message(e.first(), locale));
        }
        List<SupportRecord> duplicates = List.of();
        if (errors.isEmpty()) {
            try {
                List<DeliveryUpload> photoUploads = new ArrayList<>();
                if (photos != null) {
                    for (MultipartFile photo : photos) {
                        if (photo != null && !photo.isEmpty()) {
                            photoUploads.add(new DeliveryUpload(photo.getOriginalFilename(), photo.getBytes()));
                        }
                    }
                }
                DeliveryUpload proofUpload = proof == null || proof.isEmpty()
                        ? null
                        : new DeliveryUpload(proof.getOriginalFilename(), proof.getBytes());
                DeliveryView delivery = deliveries.record(form, proofUpload, kind, photoUploads);
                redirect.addFlashAttribute(
                        "flashSuccess",
                        messages.getMessage(
                                "delivery.created", new Object[] {delivery.id().toString()}, locale));
                return "redirect:/deliveries/" + delivery.id();
            } catch (InvalidDeliveryInput e) {
                e.problems().forEach(p -> add(errors, p.field(), message(p, locale)));
            } catch (DuplicateSupportWarning e) {
                duplicates = e.earlier();
            } catch (DeliveryRefused e) {
                add(errors, "form", refusal(messages, e, locale));
            }
        }
        return form(model, need, deliveries.campaignsFor(need.id()), errors, duplicates, kind);
    }

    @GetMapping("/deliveries/{id}")
    String show(@PathVariable long id, Model model) {
        DeliveryView delivery = deliveries.get(new DeliveryId(id));
        Actor actor = CurrentActor.get();
        model.addAttribute("delivery", delivery);
        model.addAttribute("categories", categoryNames());
        model.addAttribute(
                "campaignName", campaignNames(List.of(delivery.campaignId())).get(delivery.campaignId()));
        model.addAttribute("place", unitNames(List.of(delivery.unitCode())).get(delivery.unitCode()));
        Map<Long, String> codes = new HashMap<>();
        delivery.children().stream()
                .filter(c -> c.childId() != null)
                .forEach(c -> codes.put(
                        c.childId(), deliveries.childPublicCode(c.childId()).orElse("#" + c.childId())));
        model.addAttribute("childCodes", codes);
        model.addAttribute("canChange", deliveries.canChange(actor, delivery));
        model.addAttribute("proofKinds", ProofKind.values());
        return "delivery/detail";
    }

    @PostMapping("/deliveries/{id}/{what:proof|photo}")
    String attach(
            @PathVariable long id,
            @PathVariable String what,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String proofKind,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        try {
            DeliveryUpload upload = DeliveryApiController.upload(file, what);
            if (what.equals("proof")) {
                deliveries.attachProof(new DeliveryId(id), upload, DeliveryApiController.proofKind(proofKind));
            } else {
                deliveries.attachPhoto(new DeliveryId(id), upload);
            }
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("delivery.attached." + what, null, locale));
        } catch (InvalidDeliveryInput e) {
            redirect.addFlashAttribute("flashError", message(e.first(), locale));
        }
        return "redirect:/deliveries/" + id;
    }

    @GetMapping("/deliveries/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        StoredFile file = deliveries.file(new DeliveryId(id), fileId);
        String extension = switch (file.contentType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            default -> "pdf";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"delivery-" + id + "-" + fileId + "." + extension + "\"")
                .eTag(file.sha256())
                .body(file.content());
    }

    @GetMapping("/deliveries/children/{childId}")
    String history(@PathVariable long childId, @RequestParam(required = false) String reason, Model model) {
        model.addAttribute("childId", childId);
        try {
            SupportHistory history = deliveries.supportHistory(childId, reason);
            model.addAttribute("history", history);
            model.addAttribute("categories", categoryNames());
            model.addAttribute(
                    "campaignNames",
                    campaignNames(history.records().stream()
                            .map(SupportRecord::campaignId)
                            .toList()));
            model.addAttribute(
                    "unitNames",
                    unitNames(history.records().stream()
                            .map(SupportRecord::communeCode)
                            .toList()));
        } catch (ReasonRequired e) {
            model.addAttribute("reasonRequired", true);
        }
        return "delivery/history";
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String form(
            Model model,
            NeedView need,
            List<CampaignChoice> choices,
            Map<String, List<String>> errors,
            List<SupportRecord> duplicates,
            ProofKind proofKind) {
        model.addAttribute("need", needs.get(need.id()));
        model.addAttribute("place", unitNames(List.of(need.unitCode())).get(need.unitCode()));
        model.addAttribute("categories", categoryNames());
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors);
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("proofKinds", ProofKind.values());
        model.addAttribute("proofKind", proofKind.name());
        model.addAttribute("canDeliver", deliveries.canDeliver(CurrentActor.get(), need));
        model.addAttribute("villageChildren", villageChildren(need));
        model.addAttribute(
                "campaignNames",
                campaignNames(duplicates.stream().map(SupportRecord::campaignId).toList()));
        return "delivery/form";
    }

    /** Children of the need's village the officer may pick (active records of the actor's scope). */
    private List<ChildSummary> villageChildren(NeedView need) {
        boolean village = organisation
                .find(need.unitCode(), organisation.today())
                .map(OrgUnitView::isVillage)
                .orElse(false);
        if (!village) {
            return List.of();
        }
        return children.list(need.unitCode(), "", 0, 200).items().stream()
                .filter(c -> c.status() == ChildStatus.ACTIVE)
                .toList();
    }

    private Map<String, String> categoryNames() {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<String, String> names = new HashMap<>();
        for (SupportCategory c : needs.categories()) {
            names.put(c.code(), c.name(locale));
        }
        return names;
    }

    private Map<Long, String> campaignNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : new TreeSet<>(ids)) {
            names.put(
                    id,
                    campaigns.find(new CampaignId(id)).map(Campaign::name).orElse(Campaign.codeOf(new CampaignId(id))));
        }
        return names;
    }

    private Map<String, String> unitNames(Collection<String> codes) {
        Set<String> distinct = new TreeSet<>(codes);
        Map<String, String> names = new HashMap<>();
        for (OrgUnitView unit : organisation.findAll(List.copyOf(distinct), organisation.today())) {
            names.put(unit.code(), unit.fullName());
        }
        distinct.forEach(code -> names.putIfAbsent(code, code));
        return names;
    }

    private String message(InvalidDeliveryInput.Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.argumentArray(), p.messageKey(), locale);
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        String key = field == null ? "form" : field.replaceAll("\\[\\d+]\\..*$", "");
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    /** A refusal in the person's language; the ledger's own explanation inside ours. */
    static String refusal(MessageSource messages, DeliveryRefused e, Locale locale) {
        if (e.messageKey().startsWith("delivery.")) {
            return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        }
        String generic = messages.getMessage("delivery.refused.ledgerDefault", null, locale);
        String ledgerText = messages.getMessage(e.messageKey(), e.arguments(), generic, locale);
        return messages.getMessage("delivery.refused.ledger", new Object[] {ledgerText}, locale);
    }

    /** A form posted without its need. Answered 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class DeliveryNotFoundForPage extends RuntimeException {
        DeliveryNotFoundForPage() {
            super("A delivery form names its need");
        }
    }
}
