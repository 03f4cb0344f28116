package vn.chungtay.commendation;

import java.time.LocalDate;
import java.util.List;

/**
 * A commendation proposal of a unit for a year and period, with its candidates. {@code number} is
 * the document number assigned when it is submitted ({@code 05/TTr-MTTQ}).
 */
public record Proposal(
        long id,
        String unitCode,
        String unitName,
        ProposingLevel level,
        int year,
        LocalDate periodFrom,
        LocalDate periodTo,
        ProposalStatus status,
        Integer number,
        LocalDate submittedOn,
        LocalDate decidedOn,
        String createdBy,
        List<Candidate> candidates) {

    public Proposal {
        candidates = List.copyOf(candidates);
    }

    public List<Candidate> proposed() {
        return candidates.stream().filter(Candidate::proposed).toList();
    }

    public long collectives() {
        return proposed().stream()
                .filter(c -> c.donorGroup() == DonorGroup.COLLECTIVE)
                .count();
    }

    public long individuals() {
        return proposed().stream()
                .filter(c -> c.donorGroup() == DonorGroup.INDIVIDUAL)
                .count();
    }

    public long pending() {
        return proposed().stream().filter(c -> c.decision() == Decision.PENDING).count();
    }

    public String documentNumber() {
        return number == null ? null : String.format("%02d/TTr-MTTQ", number);
    }
}
