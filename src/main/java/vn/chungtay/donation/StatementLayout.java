package vn.chungtay.donation;

import java.util.List;

/**
 * How one bank's statement export is laid out: the header columns that recognise it, where the
 * date (and its format), the amounts, the message, the bank's reference, the counterparty and the
 * account are, and whether amounts group thousands with dots ({@code 5.000.000}) or commas
 * ({@code 5,000,000}). Amounts are either a credit and a debit column or one signed column.
 */
public record StatementLayout(
        Long id,
        String name,
        List<String> headerSignature,
        String dateColumn,
        String dateFormat,
        String timeColumn,
        String creditColumn,
        String debitColumn,
        String amountColumn,
        Grouping grouping,
        String messageColumn,
        List<String> referenceColumns,
        String counterpartyColumn,
        String accountColumn,
        boolean builtin) {

    /** How thousands are grouped in amounts. */
    public enum Grouping {
        DOT,
        COMMA
    }

    public StatementLayout {
        headerSignature = headerSignature == null ? List.of() : List.copyOf(headerSignature);
        referenceColumns = referenceColumns == null ? List.of() : List.copyOf(referenceColumns);
    }

    /** Whether amounts come as one signed column rather than credit and debit columns. */
    public boolean signed() {
        return amountColumn != null && !amountColumn.isBlank();
    }
}
