/**
 * Privacy, verified: the data-subject requests of children's guardians (access, correction,
 * deletion, objection) with due dates and an audit trail, and the register of personal-data
 * breaches with the 72-hour notification deadline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package vn.chungtay.privacy;
