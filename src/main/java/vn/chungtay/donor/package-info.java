/**
 * Donors: people, organisations, businesses and funds, at home or abroad; how each wants to
 * appear in public; duplicates found and merged with their history kept; donors' own accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donors")
package vn.chungtay.donor;
