/**
 * Shared kernel: small technical pieces several bounded contexts use the same way (e.g. the CSV and
 * Excel files of exports), with no business rule of their own.
 */
package it.ksanctions.shared;
