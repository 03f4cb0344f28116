/**
 * The children's needs per village, school and commune, their lifecycle from draft to delivered,
 * and the yearly plan each commune submits to the province. Needs refer to a child by id only
 * and show at most the child's anonymous profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Needs and plans")
package vn.chungtay.need;
