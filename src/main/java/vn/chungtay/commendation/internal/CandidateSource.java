package vn.chungtay.commendation.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorId;
import vn.chungtay.donor.DonorView;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.shared.money.Vnd;

/**
 * Where candidates come from: the ledger's value per donor in a period (reversed gifts do not
 * count) and the donor register (following merges). Either may be missing while those modules are
 * not deployed; then no candidates can be generated.
 */
@Component
public class CandidateSource {

    private final ObjectProvider<Ledger> ledger;
    private final ObjectProvider<DonorDirectory> donors;

    CandidateSource(ObjectProvider<Ledger> ledger, ObjectProvider<DonorDirectory> donors) {
        this.ledger = ledger;
        this.donors = donors;
    }

    public boolean available() {
        return ledger.getIfAvailable() != null && donors.getIfAvailable() != null;
    }

    /** Value per donor id given to the units in the period: delivered, or received. */
    public Map<Long, Vnd> values(LocalDate from, LocalDate to, Collection<String> unitCodes, boolean delivered) {
        return ledger.getObject().valueByDonor(from, to, unitCodes, delivered);
    }

    public Optional<DonorView> donor(long donorId) {
        return donors.getObject().find(new DonorId(donorId));
    }
}
