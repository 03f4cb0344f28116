package vn.chungtay.child;

/** Whether the child's household holds a poor or near-poor household certificate. */
public enum HouseholdPoverty {
    NONE,
    POOR,
    NEAR_POOR
}
