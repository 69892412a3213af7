/**
 * Sanctions context (SPEC LIF-1, LIF-2, LIF-6; seeds 000, 001 "Servizi", 004): pre-notices from the
 * field and the office, detections imported from fixed devices' files, their review, and the
 * verbali made from them. Its code arrives with issues 13 and 14, in the shape of every context
 * ({@code domain}, {@code application}, {@code infrastructure}; views in {@code web} under the same
 * name); it may use devices, command, articles, places, permissions and identity (ADR 0006).
 */
package it.ksanctions.sanctions;
