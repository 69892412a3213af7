/**
 * Payments context (SPEC LIF-4, POR-10; seeds 003, 004): pagoPA debt positions, receipts and their
 * reconciliation with the verbali. Its code arrives with issue 15; it may use sanctions and every
 * context below it (ADR 0006).
 */
package it.ksanctions.payments;
