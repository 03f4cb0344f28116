package vn.chungtay.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.chungtay.child.ChildView;
import vn.chungtay.child.CodeName;
import vn.chungtay.privacy.DataSubjectRequest;

/** The copy of a child's record for the guardian: one sheet, field and value, in Vietnamese. */
@Component
public class AccessWorkbook {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public byte[] render(DataSubjectRequest request, ChildView child, LocalDate today) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Yêu cầu số", request.id().toString()));
        rows.add(row("Ngày nhận yêu cầu", date(request.receivedOn())));
        rows.add(row("Ngày lập bản sao", date(today)));
        rows.add(row("Mã trẻ em", child.publicCode()));
        rows.add(row("Họ và tên", child.fullName()));
        rows.add(row("Ngày sinh", date(child.dateOfBirth())));
        rows.add(row("Giới tính", child.sex() == null ? "" : child.sex().name()));
        rows.add(row("Dân tộc", child.ethnicGroupName()));
        rows.add(row("Thôn, buôn, bon", child.villageName()));
        rows.add(row("Người giám hộ", child.guardianName()));
        rows.add(row("Quan hệ với trẻ", child.guardianRelationship()));
        rows.add(row("Điện thoại người giám hộ", child.guardianPhone()));
        rows.add(row("Hộ nghèo/cận nghèo", String.valueOf(child.householdPoverty())));
        rows.add(row("Số giấy chứng nhận hộ nghèo", child.povertyCertificate()));
        rows.add(row("Tình trạng đi học", String.valueOf(child.schooling())));
        rows.add(row("Trường", child.schoolName()));
        rows.add(row(
                "Hoàn cảnh đặc biệt",
                child.circumstances().stream().map(CodeName::name).collect(Collectors.joining("; "))));
        rows.add(row("Khuyết tật", child.disability()));
        rows.add(row("Sức khỏe", child.healthNotes()));
        rows.add(row("Dinh dưỡng", child.nutritionNotes()));
        rows.add(row("Người đồng ý (giám hộ)", child.guardianConsentBy()));
        rows.add(row("Ngày đồng ý", date(child.guardianConsentDate())));
        rows.add(row("Hình thức đồng ý", String.valueOf(child.guardianConsentMethod())));
        rows.add(row(
                "Mục đích được đồng ý",
                child.consentPurposes().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        rows.add(row("Trẻ đồng ý", child.childConsentBy()));
        rows.add(row("Ngày trẻ đồng ý", date(child.childConsentDate())));
        rows.add(row(
                "Rút lại đồng ý lúc",
                child.consentWithdrawnAt() == null
                        ? ""
                        : child.consentWithdrawnAt().toString()));
        rows.add(row("Trạng thái hồ sơ", child.status().name()));
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Du lieu tre em");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Thông tin");
            title.createCell(1).setCellValue("Nội dung");
            title.getCell(0).setCellStyle(header);
            title.getCell(1).setCellStyle(header);
            int r = 1;
            for (String[] values : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(values[0]);
                row.createCell(1).setCellValue(values[1]);
            }
            sheet.setColumnWidth(0, 36 * 256);
            sheet.setColumnWidth(1, 60 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value == null || value.equals("null") ? "" : value};
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.format(DMY);
    }
}
