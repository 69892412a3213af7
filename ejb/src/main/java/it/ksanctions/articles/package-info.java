/**
 * Articles context (SPEC ART-1…8; seed 001 §11 "Articoli"): the catalogue of Highway Code (Codice
 * della Strada) articles and local regulations, versioned by validity dates, and the rules that
 * turn an article version into what a citizen must pay and by when.
 *
 * <p>{@code domain}: article codes, versions as plain values, histories with their alignment
 * notices, the tenant's deadline calendar and the amount-and-deadline engine (ART-4), all
 * container-free. {@code infrastructure}: the stored rows, the CSV and Excel readers, the PDF list.
 * {@code application}: the catalogue's lookups ({@code ArticleCatalogue}) and its maintenance,
 * authorised and audited ({@code ArticleAdministration}).
 */
package it.ksanctions.articles;
