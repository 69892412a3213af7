/**
 * Sanctions context (SPEC LIF-1, LIF-2, LIF-6, DEV-4 for the upload; seeds 000, 001 §11.1 "Gestione
 * dei dispositivi mobili" and §11.3 "Policy di visibilità dei dati", 004): pre-notices from the
 * field and the office, detections imported from fixed devices' files, their review, and the
 * verbali made from them.
 *
 * <p>{@code domain} holds the rules without a container: the pre-notice with its plate, photos,
 * status life cycle and plate corrections, and the blocks of verbale numbers reserved to a device
 * for immediate contestation. {@code application} receives the mobile app's batches (idempotent per
 * pre-notice UUID, each call a logged sync session), lets the office search, enter, correct,
 * validate and archive them under the role's visibility policy (PRM-6), authorised and audited by
 * the Permissions module. It may use devices, command, articles, places, permissions and identity
 * through their published services (ADR 0006).
 */
package it.ksanctions.sanctions;
