/**
 * The administrative hierarchy and its history: provinces, districts (until 2025), communes and
 * villages with validity dates, the successions of the 2025 reform and later changes, the
 * disadvantaged-area classification per period, and villages managed by commune officers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package vn.chungtay.organisation;
