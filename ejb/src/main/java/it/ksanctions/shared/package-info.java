/**
 * Shared kernel (ADR 0006): only what several bounded contexts truly share, with no context of its
 * own — the tax codes of persons and bodies ({@link it.ksanctions.shared.CodiceFiscale}, {@link
 * it.ksanctions.shared.NumericTaxCode}), field errors of an invalid request, the one contract of a
 * broken rule ({@link it.ksanctions.shared.RuleViolation}) and the CSV/Excel files of exports. It
 * depends on no context; every context may use it.
 */
package it.ksanctions.shared;
