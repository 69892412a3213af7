package it.ksanctions.articles.api;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * The Articles catalogue of the tenant in scope (SPEC ART-1): {@code GET
 * /t/<slug>/api/v1/articles?q=}. The amounts of a violation ({@code .../{code}/amounts}) carry the
 * command's fees, so the Command context answers them ({@code command.api.AmountsResource}).
 * Amounts are strings with two decimals ("230.67"), as money should travel in JSON.
 */
@Path("/v1/articles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF})
public class ArticleResource {

  /**
   * One version of an article. {@code municipalReducedAmount} is the reduced amount set by the
   * Giunta for a local regulation (L. 689/1981 art. 16 c. 2, ADR 0004), "0.00" like the other
   * amounts, or null when none is set (always for Highway Code articles); like every null field
   * ({@code validTo}, a window's {@code lastDay}) it is then left out of the JSON. {@code
   * shortDescription} (at most 80 characters) is what lists and the handheld show, {@code points}
   * the licence points of art. 126-bis CdS (0 when none; not doubled for new drivers) and {@code
   * operatingNotes} the officers' notes (left out when none).
   */
  public record ArticleVersionView(
      String code,
      String description,
      String shortDescription,
      int points,
      String operatingNotes,
      String minimum,
      String maximum,
      String municipalReducedAmount,
      boolean nightIncrease,
      List<String> accessorySanctions,
      String status,
      LocalDate validFrom,
      LocalDate validTo,
      String legalSource) {

    public static ArticleVersionView of(CataloguedVersion row) {
      return new ArticleVersionView(
          row.getCode(),
          row.getDescription(),
          row.getShortDescription(),
          row.getPoints(),
          row.getOperatingNotes(),
          row.getMinimumAmount().setScale(2).toPlainString(),
          row.getMaximumAmount().setScale(2).toPlainString(),
          row.getMunicipalReducedAmount() == null
              ? null
              : row.getMunicipalReducedAmount().setScale(2).toPlainString(),
          row.isNightIncrease(),
          row.getAccessorySanctions().stream().map(Enum::name).sorted().toList(),
          row.getStatus(),
          row.getValidFrom(),
          row.getValidTo(),
          row.getLegalSource());
    }
  }

  @Inject ArticleCatalogue catalogue;

  @GET
  public List<ArticleVersionView> search(@QueryParam("q") String text) {
    return catalogue.search(text).stream().map(ArticleVersionView::of).toList();
  }
}
