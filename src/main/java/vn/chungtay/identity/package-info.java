/**
 * People and permissions: user accounts with one role and a scope (an org unit and its subtree),
 * sign-in with throttling, personal access tokens for the API, and who may manage whom.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package vn.chungtay.identity;
