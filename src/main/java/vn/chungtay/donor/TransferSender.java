package vn.chungtay.donor;

import java.util.Locale;

/**
 * A bank-transfer sender as a statement line names them: {@code name} as written (null when the line
 * names nobody: an anonymous gift), {@code account} the sender's account number when the message
 * shows it (digits only, else null). Two lines with the same folded name and account are the same
 * sender.
 */
public record TransferSender(String name, String account) {

    public TransferSender {
        name = name == null || name.isBlank() ? null : name.strip();
        String digits = account == null ? "" : account.replaceAll("\\D", "");
        account = digits.length() < 6 || digits.length() > 30 ? null : digits;
    }

    public boolean anonymous() {
        return name == null;
    }

    @Override
    public String toString() {
        // never the account number in logs
        return "TransferSender["
                + (name == null ? "anonymous" : name.toUpperCase(Locale.ROOT).charAt(0) + "…")
                + (account == null ? "" : ", with account") + "]";
    }
}
