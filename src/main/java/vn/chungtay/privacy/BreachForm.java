package vn.chungtay.privacy;

/**
 * A breach as entered: when it was discovered ({@code yyyy-MM-ddTHH:mm}, Vietnam time), what
 * happened, which data and how many people, and what was done to contain it.
 */
public record BreachForm(
        String discoveredAt, String description, String dataAffected, Integer peopleAffected, String containment) {}
