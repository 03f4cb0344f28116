/**
 * Outreach (duty 1 of the 2019 letter): activities that reach families in the villages about
 * caring for, educating and protecting children, and the coverage they give — which villages,
 * above all the especially disadvantaged ones, had no outreach in a year.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package vn.chungtay.outreach;
