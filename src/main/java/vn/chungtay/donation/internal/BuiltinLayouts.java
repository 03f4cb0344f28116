package vn.chungtay.donation.internal;

import java.util.List;
import vn.chungtay.donation.StatementLayout;
import vn.chungtay.donation.StatementLayout.Grouping;

/** The two layouts seen in the statements the Front published (docs: bank-statements.md); also seeded by Flyway. */
public final class BuiltinLayouts {

    public static final StatementLayout A = new StatementLayout(
            null,
            "A-TNXDate",
            List.of("TNXDate", "DocNo", "Debit", "Credit", "Transactions in Detail"),
            "TNXDate",
            "dd/MM/yyyy",
            null,
            "Credit",
            "Debit",
            null,
            Grouping.DOT,
            "Transactions in Detail",
            List.of("DocNo"),
            null,
            null,
            true);

    public static final StatementLayout B = new StatementLayout(
            null,
            "B-PageId",
            List.of("PageId", "Date", "DocumentNumber", "ReferenceNumber", "TransactionDetails", "CreditAmount"),
            "Date",
            "dd/MM/yyyy",
            "Time",
            "CreditAmount",
            "DebitAmount",
            null,
            Grouping.COMMA,
            "TransactionDetails",
            List.of("ReferenceNumber", "DocumentNumber"),
            "OffsetAccount",
            null,
            true);

    private BuiltinLayouts() {}
}
