package vn.chungtay.reporting;

import java.util.List;

/**
 * A programme's report: its summary line (trích yếu, "Kết quả thực hiện Đề án …"), its indicators in
 * order (empty: every indicator the modules provide) and its narrative sections.
 */
public record TemplateView(
        long id, String programmeCode, String title, List<String> indicatorCodes, List<String> sections) {
    public TemplateView {
        indicatorCodes = List.copyOf(indicatorCodes);
        sections = List.copyOf(sections);
    }
}
