package vn.chungtay.campaign;

/**
 * An account donors pay into: the bank's 6-digit NAPAS BIN (e.g. {@code 970436}), the bank's
 * short name, the account number (digits only) and the holder's name as the bank prints it.
 */
public record BankAccount(String bankBin, String bankName, String accountNumber, String accountName) {
    public BankAccount {
        if (bankBin == null || !bankBin.matches("\\d{6}")) {
            throw new IllegalArgumentException("A bank BIN has 6 digits: " + bankBin);
        }
        if (accountNumber == null || !accountNumber.matches("\\d{4,19}")) {
            throw new IllegalArgumentException("An account number has 4 to 19 digits");
        }
        bankName = bankName == null ? "" : bankName.strip();
        accountName = accountName == null ? "" : accountName.strip();
    }
}
