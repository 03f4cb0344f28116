/**
 * The donors' own pages: a signed-in donor's gifts (all identities merged into their record), where
 * each went down to village and category (never a child's identity), their receipts and a yearly
 * statement, downloaded or mailed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donor portal")
package vn.chungtay.donorportal;
