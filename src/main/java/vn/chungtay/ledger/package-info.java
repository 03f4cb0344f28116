/**
 * The ledger: every received đồng and item as immutable, hash-chained entries per campaign —
 * receipt, allocation, transfer between levels, delivery, and reversals with a reason. Balances
 * never go below zero (enforced by the database); the public account (sao kê) and its verifier
 * are read from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package vn.chungtay.ledger;
