package vn.chungtay.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.shared.text.VietnameseText;

/** One version of an administrative unit or village: a code valid from one date to another. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;
    private String fullName;

    @Column(name = "unit_type")
    private String type;

    private short level;
    private String parentCode;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String nameFolded;

    @Version
    private long version;

    protected OrgUnit() {}

    private OrgUnit(
            String code, String name, String fullName, String type, int level, String parentCode, LocalDate validFrom) {
        this.code = code;
        this.name = name;
        this.fullName = fullName;
        this.type = type;
        this.level = (short) level;
        this.parentCode = parentCode;
        this.validFrom = validFrom;
        this.nameFolded = VietnameseText.fold(fullName);
    }

    /** A new village of a commune, valid from the given day. */
    public static OrgUnit village(String code, String name, String type, OrgUnitView commune, LocalDate validFrom) {
        return new OrgUnit(code, name, fullName(type, name), type, commune.level() + 1, commune.code(), validFrom);
    }

    /** "Buôn" + "Trum" is "Buôn Trum"; a name that already starts with its type is kept as it is. */
    public static String fullName(String type, String name) {
        String foldedName = VietnameseText.fold(name);
        String foldedType = VietnameseText.fold(type);
        return foldedName.startsWith(foldedType + " ") ? name : type + " " + name;
    }

    /** Renames an open village; its code and history stay. */
    public void rename(String newName) {
        requireOpen();
        this.name = newName;
        this.fullName = fullName(type, newName);
        this.nameFolded = VietnameseText.fold(fullName);
    }

    /** Ends a village: {@code lastDay} is the last day it exists. */
    public void retire(LocalDate lastDay) {
        requireOpen();
        if (validFrom != null && lastDay.isBefore(validFrom)) {
            throw new IllegalArgumentException("A village cannot end before it began");
        }
        this.validTo = lastDay;
    }

    private void requireOpen() {
        if (validTo != null) {
            throw new IllegalStateException("Unit " + code + " has already ended on " + validTo);
        }
    }

    public OrgUnitView view() {
        return new OrgUnitView(id, code, name, fullName, type, level, parentCode, validFrom, validTo);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getFullName() {
        return fullName;
    }

    public String getType() {
        return type;
    }

    public String getParentCode() {
        return parentCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }
}
