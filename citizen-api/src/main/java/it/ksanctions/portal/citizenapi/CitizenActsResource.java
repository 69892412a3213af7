package it.ksanctions.portal.citizenapi;

import it.ksanctions.portal.application.CitizenApi;
import it.ksanctions.portal.citizenapi.ApiViews.ActDetail;
import it.ksanctions.portal.citizenapi.ApiViews.ActSummary;
import it.ksanctions.portal.citizenapi.ApiViews.DebtPosition;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's acts in one command (issue 16 item 11): the list, one act's file, its PDF and the
 * debt position, each for the codice fiscale of the caller's token ({@code fiscal_number}) and the
 * tenant of the path. An act of another codice fiscale or of another command is 404, never 403:
 * nobody learns which act numbers exist.
 */
@Path("/t/{slug}/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verbali", description = "I verbali del cittadino in un comando")
@APIResponse(
    responseCode = "401",
    description = "Token mancante, non valido, scaduto o di un altro realm",
    content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(
    responseCode = "403",
    description = "Servizio del comando sospeso, o token senza il codice fiscale di una persona",
    content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "Comando o verbale non trovato (anche un verbale di un altro codice fiscale)",
    content = @Content(mediaType = Problems.MEDIA_TYPE))
public class CitizenActsResource {

  /** The claim of the citizens' realm with the codice fiscale (ADR 0011). */
  static final String FISCAL_NUMBER = "fiscal_number";

  @EJB(lookup = CitizenApi.JNDI_NAME)
  CitizenApi api;

  @Inject JsonWebToken token;

  @Parameter(description = "Il comando (slug), come in /t/<slug>/ del portale", example = "latina")
  @PathParam("slug")
  String slug;

  @GET
  @Path("/verbali")
  @Operation(
      summary = "I miei verbali",
      description =
          "Ogni verbale del codice fiscale nel comando, dal più recente: numero, data, targa,"
              + " articolo, stato, quanto si paga oggi per finestra e i giorni rimasti.")
  @APIResponse(responseCode = "200", description = "I verbali (anche nessuno)")
  public List<ActSummary> acts() {
    return api.acts(slug, fiscalNumber()).stream().map(ApiViews::summary).toList();
  }

  @GET
  @Path("/verbali/{id}")
  @Operation(
      summary = "Un mio verbale",
      description =
          "Il fascicolo del verbale: violazione, importi per finestra con i codici avviso pagoPA,"
              + " sanzioni accessorie, cronologia, notifiche, ricevute.")
  @APIResponse(responseCode = "200", description = "Il verbale")
  public ActDetail act(@PathParam("id") long id) {
    return ApiViews.detail(api.act(slug, fiscalNumber(), id), slug);
  }

  @GET
  @Path("/verbali/{id}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "Il PDF del mio verbale", description = "Il documento come emesso.")
  @APIResponse(
      responseCode = "200",
      description = "Il PDF",
      content =
          @Content(
              mediaType = "application/pdf",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response pdf(@PathParam("id") long id) {
    byte[] pdf = api.pdf(slug, fiscalNumber(), id);
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"verbale-" + id + ".pdf\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/debt-position")
  @Operation(
      summary = "La mia posizione debitoria",
      description =
          "Il totale dovuto oggi, i verbali per stadio (da pagare, scaduti, con ricorso, pagati)"
              + " con i loro importi, e i piani di rateizzazione.")
  @APIResponse(responseCode = "200", description = "La posizione debitoria")
  public DebtPosition debtPosition() {
    return ApiViews.position(api.position(slug, fiscalNumber()));
  }

  /** The token's {@code fiscal_number} claim as text (null when absent). */
  private String fiscalNumber() {
    Object claim = token.getClaim(FISCAL_NUMBER);
    if (claim instanceof JsonString text) {
      return text.getString();
    }
    return claim == null ? null : claim.toString();
  }
}
