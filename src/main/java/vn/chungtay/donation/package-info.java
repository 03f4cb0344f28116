/**
 * Receiving gifts: cash, bank transfers, goods in kind and other gifts for a campaign, each with a
 * receipt numbered per issuing unit and year; bank statements imported with a column layout and
 * matched by payment code; VietQR codes for campaigns and needs. Every gift posts to the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donations")
package vn.chungtay.donation;
