/**
 * Devices context (SPEC DEV-1…10; seed 001 §11.1): the mobile devices officers use with the mobile
 * app, and the fixed or automatic detection devices (speed cameras, ZTL gates, red-light and
 * parking cameras, electronic gates) whose files are imported by the Services module.
 *
 * <p>{@code domain} holds the rules without a container: device data per category, the status life
 * cycle with its history, calibration certificates, download records with their responsible
 * operator, device credentials, monitoring anomalies and the alert thresholds. {@code application}
 * stores them per tenant, authorises every action through the Permissions module (configuration
 * only for administrators and technical managers, DEV-9) and raises alerts from EJB timers.
 */
package it.ksanctions.devices;
