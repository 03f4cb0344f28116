package vn.chungtay.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.IntegrationTest;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * No log line carries a child's identity: a Logback appender on the root logger captures everything
 * (at the application's configured levels, with stack traces) while a child with a unique name is registered, read, corrected,
 * imported, exported, refused as a duplicate and as bad input, handled in a privacy request and
 * erased; neither the name (nor its diacritic-free form), the guardian's name nor the birth date may
 * appear in any captured line.
 */
@IntegrationTest
class ApplicationLogPrivacyIntegrationTests {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    ChildManagement children;

    @Autowired
    UserDetailsService users;

    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line =
                    new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            event.getMDCPropertyMap()
                    .forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            lines.add(line.toString());
        }
    }

    @Test
    void noLogLineCarriesAChildsNameGuardianOrBirthDate() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Capture capture = new Capture();
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root.addAppender(capture);
        LocalDate today = organisation.today();
        String name = PrivacyMother.uniqueName("Nguyễn Thị Nhật");
        String guardian = PrivacyMother.uniqueName("Hoàng Văn");
        LocalDate born = PrivacyMother.birthDate(today);
        String village = PrivacyMother.village(organisation, "24640");
        String importedName = PrivacyMother.uniqueName("Nguyễn Thị Nhật");
        int exercised = 0;
        try {
            var officer = httpBasic("xa.cujut", "demo12345");
            // register through the API
            String created = mvc.perform(post("/api/v1/children")
                            .with(officer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(PrivacyMother.childJson(name, born, village, guardian, today)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            long id = json.readTree(created).get("id").asLong();
            assertThat(id).isPositive();
            // the same child again: a likely duplicate (409)
            mvc.perform(post("/api/v1/children")
                    .with(officer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(PrivacyMother.childJson(name, born, village, guardian, today)));
            // bad input naming the child: a birth date in the future
            mvc.perform(post("/api/v1/children")
                    .with(officer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(PrivacyMother.childJson(name, today.plusDays(5), village, guardian, today)));
            // unreadable JSON carrying the name
            mvc.perform(post("/api/v1/children")
                    .with(officer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"fullName\": \"" + name + "\", \"dateOfBirth\": \"" + born.format(DMY) + "\"}"));
            // read: by the officer, refused to the outside officer, a supervisor without and with a reason
            mvc.perform(get("/api/v1/children/" + id).with(officer));
            mvc.perform(get("/api/v1/children/" + id).with(httpBasic("xa.namdong", "demo12345")));
            mvc.perform(get("/api/v1/children/" + id).with(httpBasic("giamsat.lamdong", "demo12345")));
            mvc.perform(
                    get("/api/v1/children/" + id + "?reason=kiểm tra").with(httpBasic("giamsat.lamdong", "demo12345")));
            mvc.perform(get("/api/v1/children?q=" + name).with(officer));
            mvc.perform(get("/children/" + id).with(user(users.loadUserByUsername("xa.cujut"))));
            // correct the record
            CurrentActor.runAs(new Actor("xa.cujut", Role.COMMUNE_OFFICER, "24640"), () -> {
                ChildView view = children.read(id, null);
                ChildForm form = view.toForm();
                children.update(
                        id,
                        new ChildForm(
                                form.fullName(),
                                form.dateOfBirth(),
                                form.sex(),
                                form.ethnicGroupCode(),
                                form.villageCode(),
                                form.guardianName(),
                                "Bà ngoại",
                                form.guardianPhone(),
                                form.householdPoverty(),
                                form.povertyCertificate(),
                                form.schooling(),
                                "Trường Mầm non Sửa",
                                form.circumstances(),
                                form.disability(),
                                form.healthNotes(),
                                form.nutritionNotes(),
                                form.guardianConsentBy(),
                                form.guardianConsentDate(),
                                form.guardianConsentMethod(),
                                form.consentPurposes(),
                                form.childConsentBy(),
                                form.childConsentDate(),
                                form.draft(),
                                form.duplicateConfirmed()));
            });
            // import a workbook with another child, once rejected (bad village) and once accepted
            mvc.perform(multipart("/children/import")
                    .file(new MockMultipartFile(
                            "file", "tre-em.xlsx", null, workbook(importedName, born, "99999-01", guardian, today)))
                    .with(user(users.loadUserByUsername("xa.cujut")))
                    .with(csrf()));
            mvc.perform(multipart("/children/import")
                    .file(new MockMultipartFile(
                            "file",
                            "tre-em.xlsx",
                            null,
                            workbook(importedName, born, village, guardian + " Hai", today)))
                    .param("confirmDuplicates", "true")
                    .with(user(users.loadUserByUsername("xa.cujut")))
                    .with(csrf()));
            // export
            mvc.perform(get("/children/export.xlsx").with(user(users.loadUserByUsername("xa.cujut"))));
            // a privacy request about the child, its export, then deletion honoured
            String request = mvc.perform(post("/api/v1/privacy/requests")
                            .with(officer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\": \"DELETION\", \"childId\": " + id + ", \"channel\": \"PAPER\","
                                    + " \"requesterName\": \"" + guardian + "\", \"requesterRelationship\": \"Mẹ\"}"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            long requestId = json.readTree(request).get("id").get("value").asLong();
            mvc.perform(get("/privacy/requests/" + requestId).with(user(users.loadUserByUsername("xa.cujut"))));
            mvc.perform(post("/api/v1/privacy/requests/" + requestId + "/start").with(officer));
            mvc.perform(
                    post("/api/v1/privacy/requests/" + requestId + "/complete").with(officer));
            exercised = capture.lines.size();
        } finally {
            root.detachAppender(capture);
            capture.stop();
        }
        List<String> secrets = List.of(
                name,
                VietnameseText.fold(name),
                importedName,
                guardian,
                VietnameseText.fold(guardian),
                born.toString(),
                born.format(DMY));
        List<String> leaks = new ArrayList<>();
        synchronized (capture.lines) {
            for (String line : capture.lines) {
                String folded = VietnameseText.fold(line);
                for (String secret : secrets) {
                    if (line.contains(secret)
                            || folded.contains(VietnameseText.fold(secret))
                                    && VietnameseText.fold(secret).contains(" ")) {
                        leaks.add(secret + " in: " + line.substring(0, Math.min(line.length(), 300)));
                    }
                }
            }
        }
        System.out.printf("Log privacy: %d log lines captured and checked%n", exercised);
        assertThat(exercised).as("log lines captured").isPositive();
        assertThat(leaks).isEmpty();
    }

    private static byte[] workbook(String name, LocalDate born, String village, String guardian, LocalDate today)
            throws Exception {
        List<String> headers = List.of(
                "Họ và tên (*)",
                "Ngày sinh (*) (ngày/tháng/năm)",
                "Giới tính (*)",
                "Dân tộc (*)",
                "Thôn, buôn, bon (*)",
                "Người giám hộ (*)",
                "Quan hệ với trẻ",
                "Số điện thoại",
                "Hộ nghèo, cận nghèo",
                "Số giấy chứng nhận hộ nghèo/cận nghèo",
                "Tình trạng học tập",
                "Tên trường",
                "Hoàn cảnh đặc biệt (mã, cách nhau bởi dấu phẩy)",
                "Khuyết tật",
                "Ghi chú sức khỏe",
                "Ghi chú dinh dưỡng",
                "Người giám hộ đồng ý (họ tên)",
                "Ngày giám hộ đồng ý",
                "Hình thức đồng ý",
                "Mục đích đồng ý",
                "Trẻ đồng ý (họ tên, từ 7 tuổi)",
                "Ngày trẻ đồng ý");
        List<String> values = List.of(
                name,
                born.format(DMY),
                "Nữ",
                "01 - Kinh",
                village + " - Thôn",
                guardian,
                "Mẹ",
                "0912345678",
                "Hộ nghèo",
                "HN-9",
                "Mầm non",
                "Trường Thử",
                "HCDB04",
                "",
                "",
                "",
                guardian,
                today.minusDays(2).format(DMY),
                "Văn bản",
                "Xử lý dữ liệu",
                "",
                "");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh sách trẻ em");
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                row.createCell(c).setCellValue(values.get(c));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
