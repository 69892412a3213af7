/**
 * Command module (SPEC CMD-1…8, PLT-6; seed 001 §11.4 "Comando"): the settings each police command
 * governs — its registry with logo and letterhead (CMD-1), fees as versions with validity and legal
 * reference and the total due (CMD-2), budget chapters and revenue splits (CMD-3), general
 * parameters with their version history and the gapless numbering of verbali (CMD-4), the
 * organisation (CMD-5), the integrations' credentials encrypted at rest with their connection tests
 * (CMD-6, PLT-6), the configuration register and the guard against changes during accounting
 * batches and protocol runs (CMD-7), and the anomalies that block new verbali (CMD-8). Decisions:
 * ADR 0005.
 */
package it.ksanctions.command;
