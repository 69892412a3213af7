/**
 * Places context (SPEC PLC-1…8; seed 001 §11.2): the coded places where violations happen —
 * municipality, areas, zones and specific places (streets, ZTL gates, car parks, automatic
 * detection points) with WGS84 coordinates and, for automatic points, the rule they enforce.
 *
 * <p>{@code domain}: coordinates, categories, the hierarchy, place versions (a change to an active
 * place makes a new version), deactivation instead of deletion, and the catalogue rules (unique
 * names per zone and category, coded and located automatic points). {@code infrastructure}: rows
 * and the CSV, GeoJSON and KML readers. {@code application}: the authorised, audited administration
 * ({@code PlacesAdministration}) and what other contexts read ({@code PlaceDirectory}: places
 * changed since a sync, zones in use).
 */
package it.ksanctions.places;
