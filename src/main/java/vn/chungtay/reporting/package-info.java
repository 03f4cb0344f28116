/**
 * The annual results report: templates, periods and due dates, figures that fill themselves from
 * what modules recorded, the submit / return / accept workflow, roll-up through the hierarchy,
 * official documents and e-mail. Modules contribute figures through {@link
 * vn.chungtay.reporting.IndicatorProvider}; reporting depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package vn.chungtay.reporting;
