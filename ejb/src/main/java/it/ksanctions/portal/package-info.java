/**
 * Citizen portal context (SPEC POR-1…11, LIF-5, PLT-9; seeds 002, 004): the services a citizen uses
 * on the command's branded portal — access by codice fiscale and PIN or SPID/CIE, the act's file,
 * payment, appeals, instalments, driver identification. Today only the branded shell exists (in
 * {@code web}, package {@code it.ksanctions.portal}); its services arrive with issue 16 and may use
 * every context but platform (ADR 0006).
 */
package it.ksanctions.portal;
