package vn.chungtay.reporting;

/** What an indicator counts. */
public enum IndicatorUnit {
    /** Whole đồng. */
    VND,
    /** A number of things (activities, needs, donors, villages). */
    COUNT,
    /** A number of people or child-turns. */
    PEOPLE
}
