package vn.chungtay.need.internal;

/** Loads a need for a change that may race with others (funding from several campaigns at once). */
public interface LockingNeeds {

    /**
     * The need, locked in the database until the transaction ends ({@code SELECT … FOR UPDATE}) and
     * read afresh, so concurrent fundings of one need wait for each other instead of failing on its
     * version; {@code null} when there is none.
     */
    Need lockForChange(long id);
}
