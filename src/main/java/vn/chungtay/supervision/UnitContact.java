package vn.chungtay.supervision;

/** The address a unit is notified at of recommendations addressed to it. */
public record UnitContact(String unitCode, String email) {}
