/**
 * Articles context (SPEC ART-1…8; seed 001 §11 "Articoli"): the catalogue of Highway Code (Codice
 * della Strada) articles and local regulations, versioned by validity dates, and the rules that
 * turn an article version into what a citizen must pay and by when.
 *
 * <p>For now only the container-free core lives here ({@code domain}): article codes, article
 * versions as plain values, the tenant's deadline calendar and the amount-and-deadline engine
 * (ART-4). Persistence, import and the admin pages come with the rest of the Articles issue and
 * convert their entities into these values.
 */
package it.ksanctions.articles;
