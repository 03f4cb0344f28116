/**
 * What every module runs on but no business rule lives in: the embedded database, the web shell
 * (layout, language, error pages).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Infrastructure")
package vn.chungtay.infrastructure;
