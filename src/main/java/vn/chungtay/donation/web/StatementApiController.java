package vn.chungtay.donation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.chungtay.donation.BankStatements;
import vn.chungtay.donation.StatementImportResult;

@RestController
@RequestMapping(value = "/api/v1/statements", produces = "application/json")
@Tag(name = "Bank statements", description = "Importing statements (sao kê) into a campaign's account")
class StatementApiController {

    private final BankStatements statements;

    StatementApiController(BankStatements statements) {
        this.statements = statements;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Imports a CSV or XLSX statement (multipart `file`) into a campaign",
            description = "`layout` is a layout's name (A-TNXDate, B-PageId or one an officer defined) or id; without"
                    + " it the file's header chooses. Answers {lines, imported, matched, duplicates, unmatched,"
                    + " setAside}. A file with unreadable rows is refused whole (400, every row named), writing"
                    + " nothing; importing the same lines again adds nothing (they count as duplicates).")
    Map<String, Object> importStatement(
            @RequestParam long campaignId,
            @RequestParam(required = false) String layout,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        StatementImportResult result =
                statements.importStatement(campaignId, layout, file.getOriginalFilename(), file.getBytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", result.importId());
        body.put("layout", result.layout());
        body.put("lines", result.lines());
        body.put("imported", result.imported());
        body.put("matched", result.matched());
        body.put("duplicates", result.duplicates());
        body.put("unmatched", result.unmatched());
        body.put("setAside", result.setAside());
        return body;
    }
}
