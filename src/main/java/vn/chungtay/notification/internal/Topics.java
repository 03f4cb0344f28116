package vn.chungtay.notification.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.notification.SubscriptionTopic;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/** Communes and categories a subscription may name, checked and named through their modules' APIs. */
@Component
public class Topics {

    private final OrganisationManagement organisation;
    private final NeedManagement needs;
    private final MessageSource messages;

    Topics(OrganisationManagement organisation, NeedManagement needs, MessageSource messages) {
        this.organisation = organisation;
        this.needs = needs;
        this.messages = messages;
    }

    public LocalDate today() {
        return organisation.today();
    }

    /** The commune with this code today, if it is one (not a village, not a retired code). */
    public Optional<OrgUnitView> currentCommune(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return organisation.find(code.trim(), organisation.today()).filter(OrgUnitView::isCommune);
    }

    /** The active support category with this code. */
    public Optional<SupportCategory> category(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return needs.categories().stream()
                .filter(c -> c.code().equals(code.trim()))
                .findFirst();
    }

    /** The topic with names in the given language; a code no longer known keeps its code as name. */
    public SubscriptionTopic topic(String communeCode, String categoryCode, Locale locale) {
        String communeName = communeCode == null
                ? null
                : organisation
                        .find(communeCode, organisation.today())
                        .or(() -> organisation.versions(communeCode).stream().reduce((a, b) -> b))
                        .map(OrgUnitView::fullName)
                        .orElse(communeCode);
        String categoryName = categoryCode == null
                ? null
                : category(categoryCode).map(c -> c.name(locale)).orElse(categoryCode);
        return new SubscriptionTopic(communeCode, communeName, categoryCode, categoryName);
    }

    /** The topic in a sentence: "Xã Cư Jút", "Đồ ấm", or "Đồ ấm ở Xã Cư Jút". */
    public String describe(SubscriptionTopic topic, Locale locale) {
        if (topic.communeCode() != null && topic.categoryCode() != null) {
            return messages.getMessage(
                    "notification.topic.categoryInCommune",
                    new Object[] {topic.categoryName(), topic.communeName()},
                    locale);
        }
        return topic.communeCode() != null ? topic.communeName() : topic.categoryName();
    }
}
