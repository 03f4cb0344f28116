package vn.chungtay.ledger.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.ledger.internal.LedgerQueries.Row;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/** Names for what the ledger stores as codes: units, support categories and accounts, in the page's language. */
@Component
class LedgerLabels {

    private final OrganisationManagement organisation;
    private final NeedManagement needs;
    private final MessageSource messages;

    LedgerLabels(OrganisationManagement organisation, NeedManagement needs, MessageSource messages) {
        this.organisation = organisation;
        this.needs = needs;
        this.messages = messages;
    }

    /** The names a page of entries and balances needs: {@code units}, {@code categories} and {@code accounts}. */
    record Labels(Map<String, String> units, Map<String, String> categories, Map<String, String> accounts) {
        public String unit(String code) {
            return code == null ? "" : units.getOrDefault(code, code);
        }

        public String category(String code) {
            return code == null ? "" : categories.getOrDefault(code, code);
        }

        public String account(String account) {
            return account == null ? "" : accounts.getOrDefault(account, account);
        }
    }

    Labels of(Collection<Row> rows, Collection<LedgerBalance> balances, Collection<String> moreUnits, Locale locale) {
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>(moreUnits);
        for (Row r : rows) {
            accounts.add(r.fromAccount());
            accounts.add(r.toAccount());
            add(codes, r.communeCode());
            add(codes, r.villageCode());
        }
        for (LedgerBalance b : balances) {
            accounts.add(b.account());
        }
        for (String account : accounts) {
            codes.addAll(unitsOf(account));
        }
        Map<String, String> units = new HashMap<>();
        if (!codes.isEmpty()) {
            for (OrgUnitView unit : organisation.findAll(List.copyOf(codes), organisation.today())) {
                units.put(unit.code(), unit.fullName());
            }
        }
        Map<String, String> categories = new HashMap<>();
        for (SupportCategory c : needs.categories()) {
            categories.put(c.code(), c.name(locale));
        }
        Labels partial = new Labels(units, categories, Map.of());
        Map<String, String> labels = new HashMap<>();
        for (String account : accounts) {
            labels.put(account, label(account, partial, locale));
        }
        return new Labels(units, categories, labels);
    }

    private String label(String account, Labels names, Locale locale) {
        if (account.startsWith("DELIVERED:")) {
            return message("ledger.account.delivered", locale, label(account.substring(10), names, locale));
        }
        String[] parts = account.split(":");
        String category = parts.length > 2 ? names.category(parts[2]) : null;
        return switch (parts[0]) {
            case "DONOR" -> message("ledger.account.donor", locale);
            case "POOL" -> message("ledger.account.pool", locale, names.unit(parts[1]));
            case "NEED" -> message("ledger.account.need", locale, parts[1]);
            case "COMMUNE", "VILLAGE" ->
                category == null
                        ? names.unit(parts[1])
                        : message("ledger.account.placeCategory", locale, names.unit(parts[1]), category);
            case "CATEGORY" ->
                message("ledger.account.category", locale, names.unit(parts[1]), parts.length > 2 ? category : "");
            default -> account;
        };
    }

    private static List<String> unitsOf(String account) {
        String plain = account.startsWith("DELIVERED:") ? account.substring(10) : account;
        String[] parts = plain.split(":");
        if (parts.length > 1
                && List.of("POOL", "COMMUNE", "VILLAGE", "CATEGORY").contains(parts[0])) {
            return List.of(parts[1]);
        }
        return List.of();
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static void add(Set<String> codes, String code) {
        if (code != null) {
            codes.add(code);
        }
    }
}
