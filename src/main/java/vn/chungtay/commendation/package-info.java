/**
 * Commendations for donors: rules per level and year (form, kind of donor, threshold on the value
 * delivered or received), candidates generated from the ledger, the proposal the lower level sends
 * up and the higher level decides candidate by candidate, the proposal (tờ trình) as DOCX and a
 * letter or certificate per donor as PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commendations")
package vn.chungtay.commendation;
