package vn.chungtay.outreach.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.chungtay.outreach.OutreachMethod;
import vn.chungtay.outreach.Topic;

/** An activity's content once checked: what the store writes. */
public record ActivityData(
        LocalDate date,
        String communeCode,
        String provinceCode,
        List<String> villageCodes,
        OutreachMethod method,
        List<Topic> topics,
        String organisers,
        String partners,
        int peopleReached,
        int householdsReached,
        String language,
        String notes) {

    public ActivityData {
        villageCodes = List.copyOf(villageCodes);
        topics = List.copyOf(topics);
    }

    /** The state the audit trail records. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("date", date.toString());
        state.put("communeCode", communeCode);
        state.put("villageCodes", villageCodes);
        state.put("method", method.name());
        state.put("topics", topics.stream().map(Enum::name).toList());
        state.put("organisers", organisers);
        state.put("partners", partners);
        state.put("peopleReached", peopleReached);
        state.put("householdsReached", householdsReached);
        state.put("language", language);
        state.put("notes", notes);
        return state;
    }
}
