/**
 * The protected registry of children in the especially disadvantaged villages: who they are,
 * their household, schooling and circumstances, the consents that allow their data to be used,
 * and every read and change audited. Other modules see children only as anonymous profiles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Children")
package vn.chungtay.child;
