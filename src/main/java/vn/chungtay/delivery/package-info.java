/**
 * Delivery: what reached the children of a need, from which campaign, with the recipients'
 * confirmation and photos (private, hashed), each child's support history and the warning against
 * giving the same support twice in a season; delivered money leaves the ledger from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package vn.chungtay.delivery;
