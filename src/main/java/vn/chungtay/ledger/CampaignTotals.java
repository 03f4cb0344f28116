package vn.chungtay.ledger;

import vn.chungtay.shared.money.Vnd;

/** A campaign's money (and value of goods) from the ledger: received, allocated, delivered, still in pools. */
public record CampaignTotals(Vnd received, Vnd allocated, Vnd delivered, Vnd unallocated, long entries) {}
