package vn.chungtay.child;

/** An entry of a code list (ethnic groups, circumstances, villages): its code and Vietnamese name. */
public record CodeName(String code, String name) {}
