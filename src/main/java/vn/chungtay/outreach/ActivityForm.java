package vn.chungtay.outreach;

import java.util.List;

/**
 * What an officer enters for an activity, from the page or the API, as typed: the service checks
 * every field and names the ones that are wrong. {@code date} is {@code YYYY-MM-DD} (not in the
 * future); {@code villageCodes} are villages of the commune {@code communeCode}; {@code method} one
 * of {@link OutreachMethod}; {@code topics} one or more of {@link Topic}; {@code peopleReached} and
 * {@code householdsReached} whole numbers, households at most people; {@code language} {@code vi}
 * or an ethnic group's code.
 */
public record ActivityForm(
        String date,
        String communeCode,
        List<String> villageCodes,
        String method,
        List<String> topics,
        String organisers,
        String partners,
        String peopleReached,
        String householdsReached,
        String language,
        String notes) {

    public ActivityForm {
        villageCodes = villageCodes == null
                ? List.of()
                : villageCodes.stream().filter(v -> v != null).toList();
        topics = topics == null
                ? List.of()
                : topics.stream().filter(t -> t != null).toList();
    }

    /** An empty form for a commune, dated today, in Vietnamese; {@code village} ticked if given. */
    public static ActivityForm empty(String communeCode, String village, String today) {
        return new ActivityForm(
                today,
                communeCode,
                village == null || village.isBlank() ? List.of() : List.of(village),
                "",
                List.of(),
                "",
                "",
                "",
                "",
                OutreachLanguage.VIETNAMESE,
                "");
    }

    /** The form of a recorded activity, for a correction. */
    public static ActivityForm of(ActivityView a) {
        return new ActivityForm(
                a.date().toString(),
                a.communeCode(),
                a.villageCodes(),
                a.method().name(),
                a.topics().stream().map(Enum::name).toList(),
                a.organisers(),
                a.partners() == null ? "" : a.partners(),
                Integer.toString(a.peopleReached()),
                Integer.toString(a.householdsReached()),
                a.language(),
                a.notes() == null ? "" : a.notes());
    }
}
