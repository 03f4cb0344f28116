/**
 * Campaigns as funding containers: a name, the organising unit, the window in which gifts are
 * received, the bank accounts donors pay into, a target and the needs or plan it serves. Every
 * gift, allocation and delivery belongs to one campaign.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package vn.chungtay.campaign;
