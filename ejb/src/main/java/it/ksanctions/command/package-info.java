/**
 * Command module (SPEC CMD-1…8; seed 001 §11.4 "Comando"): the settings each police command governs
 * — the configuration register and the guard against changes during accounting batches and protocol
 * runs (CMD-7), the general parameters with their version history and the gapless numbering of
 * verbali (CMD-4), and the key/value settings the pages read.
 */
package it.ksanctions.command;
