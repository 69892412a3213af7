/**
 * Notifications context (SPEC LIF-3; seed 003): notifying verbali through SEND, PEC and post, the
 * digital domicile lookup, and the perfection of each notification. Its code arrives with issue 15;
 * it may use sanctions and every context below it (ADR 0006).
 */
package it.ksanctions.notifications;
