package vn.chungtay.child;

/**
 * What may be said of a child to donors when the guardian consented to anonymous mention: never a
 * name, birth date, photo or family detail. E.g. "bé gái 9 tuổi, dân tộc M'nông, Buôn Buôr".
 */
public record AnonymousChild(
        ChildId id,
        String publicCode,
        int ageYears,
        Sex sex,
        String ethnicGroupName,
        String villageCode,
        String communeCode) {}
