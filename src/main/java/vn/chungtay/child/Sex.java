package vn.chungtay.child;

public enum Sex {
    MALE,
    FEMALE
}
