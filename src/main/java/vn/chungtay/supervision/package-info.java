/**
 * Supervision (duty 5 of the 2019 letter): plans saying who supervises what, where and when;
 * visits with findings; recommendations with a responsible unit and a due date, whose unit is
 * notified by e-mail and reports follow-up with evidence; overdue recommendations for the
 * supervising level.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package vn.chungtay.supervision;
