package vn.chungtay.donor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.donor.DonorDetails;
import vn.chungtay.donor.DonorForm;
import vn.chungtay.donor.DonorId;
import vn.chungtay.donor.DonorKind;
import vn.chungtay.donor.DonorManagement;
import vn.chungtay.donor.DonorQuery;
import vn.chungtay.donor.Registration;
import vn.chungtay.shared.paging.Page;

@RestController
@RequestMapping(value = "/api/v1/donors", produces = "application/json")
@Tag(name = "Donors", description = "The donor register: people, organisations, businesses and funds")
class DonorApiController {

    private final DonorManagement donors;

    DonorApiController(DonorManagement donors) {
        this.donors = donors;
    }

    @GetMapping
    @Operation(
            summary = "Donors registered within the caller's scope, by name",
            description = "`q` matches words of the name, phone, e-mail or tax code without diacritics"
                    + " (\"nguyen\" finds \"Nguyễn\"); `kind` INDIVIDUAL, ORGANISATION, BUSINESS or FUND;"
                    + " `domestic` true or false; merged donors only with `includeMerged=true`.")
    Map<String, Object> list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) DonorKind kind,
            @RequestParam(required = false) Boolean domestic,
            @RequestParam(required = false) Boolean anonymous,
            @RequestParam(defaultValue = "false") boolean includeMerged,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        Page<DonorDetails> found =
                donors.search(new DonorQuery(q, kind, domestic, anonymous, includeMerged), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        List<DonorJson> items = found.items().stream().map(DonorJson::of).toList();
        body.put("items", items);
        body.put("page", found.number());
        body.put("size", found.size());
        body.put("total", found.totalItems());
        return body;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One donor as stored; a merged donor names the donor it was merged into (`mergedInto`)")
    DonorJson get(@PathVariable long id) {
        return DonorJson.of(donors.details(new DonorId(id)));
    }

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Registers a donor, or answers the existing one",
            description = "201 with the new donor; 200 with the existing donor when one has the same name"
                    + " (diacritics ignored) and the same phone, e-mail or tax code. 400 names the wrong field:"
                    + " a tax code is 10 digits or 10-3 digits (a branch), a foreign donor needs its ISO"
                    + " country code.")
    ResponseEntity<DonorJson> create(@RequestBody DonorForm form) {
        Registration registration = donors.register(form);
        DonorJson body = DonorJson.of(donors.details(registration.donor().id()));
        if (registration.created()) {
            return ResponseEntity.created(URI.create("/api/v1/donors/" + body.id()))
                    .body(body);
        }
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/donors/" + body.id()))
                .body(body);
    }
}
