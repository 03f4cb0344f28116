package vn.chungtay.privacy;

/**
 * A data-subject request as entered: the kind, the child (by id), when and how it was received
 * (ISO date, empty for today), who asked (stored, never logged) and what they asked.
 */
public record RequestForm(
        String kind,
        Long childId,
        String receivedOn,
        String channel,
        String requesterName,
        String requesterRelationship,
        String details) {

    public static RequestForm forChild(Long childId) {
        return new RequestForm("ACCESS", childId, null, "IN_PERSON", null, null, null);
    }
}
