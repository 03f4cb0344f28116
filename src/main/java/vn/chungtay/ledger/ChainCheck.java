package vn.chungtay.ledger;

/**
 * The result of recomputing a campaign's chain from its stored rows: {@code firstBrokenSequence}
 * is null when every entry verifies, else the first entry whose stored fields no longer give its hash.
 */
public record ChainCheck(long campaignId, long checked, Long firstBrokenSequence, String problem) {
    public boolean intact() {
        return firstBrokenSequence == null;
    }
}
