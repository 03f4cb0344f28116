package vn.chungtay.child;

/**
 * A child already registered with the same folded name or guardian and the same birth date, told
 * only by where: the commune's code and name (a commune since merged is named as it was).
 */
public record LikelyDuplicate(String communeCode, String communeName) {}
