package it.ksanctions.sanctions.application;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaCreditor;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.RegistryImage;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.SpeedMeasurement;
import it.ksanctions.sanctions.domain.VerbaleDocument;
import it.ksanctions.sanctions.infrastructure.VerbalePdf;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The act's PDF (issue 14 item 4): made once, at issue, in the issuing transaction — it is the only
 * place the PIN is written in clear — sealed (PAdES) when the command's seal is configured (Comando
 * › Integrazioni), and kept with the act; a reprint serves the same bytes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VerbalePrinting {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRegistryAdministration registry;
  @Inject CurrentTenant tenant;
  @Inject VerbalePdf pdf;
  @Inject it.ksanctions.command.application.IntegrationCredentials integrations;

  @Inject
  @ConfigProperty(name = "ksanctions.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  /** Renders and stores the PDF of an act just issued. */
  public void print(long verbaleId, VerbaleView v, String pin, PagoPaCreditor creditor) {
    byte[] content = pdf.render(document(v, pin, creditor));
    var seal = integrations.sealForUse();
    if (seal.isPresent()) {
      content =
          it.ksanctions.sanctions.infrastructure.PdfSeal.seal(
              content,
              seal.get().key(),
              seal.get().holder(),
              "Verbale n. " + v.number(),
              java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Europe/Rome")));
    }
    em.createNativeQuery(
            "insert into verbale_document (verbale_id, kind, file_name, media_type, content,"
                + " sha256, created_at) values (?1, 'VERBALE_PDF', ?2, 'application/pdf', ?3, ?4,"
                + " ?5)")
        .setParameter(1, verbaleId)
        .setParameter(2, "verbale-" + v.number().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf")
        .setParameter(3, content)
        .setParameter(4, sha256(content))
        .setParameter(5, Instant.now())
        .executeUpdate();
  }

  /** Renders the draft of an act (not stored, not sealed): "BOZZA", no PIN, no notices. */
  public byte[] draft(VerbaleView v, PagoPaCreditor creditor) {
    return pdf.renderDraft(document(v, null, creditor));
  }

  /** The stored PDF of an act. */
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<byte[]> pdf(long verbaleId) {
    return em
        .createNativeQuery(
            "select content from verbale_document where verbale_id = ?1 and kind = 'VERBALE_PDF'")
        .setParameter(1, verbaleId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(byte[].class::cast);
  }

  VerbaleDocument document(VerbaleView v, String pin, PagoPaCreditor creditor) {
    CommandRegistry r = registry.current();
    String address =
        join(
            ", ",
            r.street(),
            join(
                " ",
                r.postalCode(),
                r.city(),
                r.province() == null ? null : "(" + r.province() + ")"));
    VerbaleDocument.Command command =
        new VerbaleDocument.Command(
            r.officialName(),
            r.parentBodyName(),
            address.isBlank() ? null : address,
            r.phone(),
            r.email(),
            r.pec(),
            r.website(),
            r.taxCode(),
            r.commandManager(),
            r.procedureManager(),
            registry.logo().map(RegistryImage::content).orElse(null),
            registry.printedLetterhead().map(RegistryImage::content).orElse(null));
    VerbaleDocument.Party owner =
        new VerbaleDocument.Party(
            v.ownerName(),
            v.ownerTaxCode(),
            List.of(v.ownerAddress()),
            v.ownerPec(),
            "Proprietario del veicolo (obbligato in solido, art. 196 CdS)");
    VerbaleDocument.Vehicle vehicle =
        new VerbaleDocument.Vehicle(v.plate(), v.country(), v.vehicleTypeOrBlank());
    VerbaleDocument.Violation violation =
        new VerbaleDocument.Violation(
            v.violationAt(),
            v.placeDescription() + " (" + v.placeCode() + ")",
            v.articleCode(),
            v.articleTitle(),
            v.articleText(),
            v.legalSource(),
            v.points(),
            v.accessorySanctions(),
            v.sourceKind() == Verbali.SourceKind.DETECTION
                ? "Rilevazione con dispositivo automatico "
                    + v.deviceCode()
                    + ", contestazione differita (art. 201 c. 1-bis CdS)."
                : "Accertamento dell'agente "
                    + v.officer()
                    + ", preavviso di accertamento; contestazione differita (art. 201 CdS).");
    VerbaleDocument.Speed speed =
        Verbali.speed(v)
            .map(
                (SpeedMeasurement m) ->
                    new VerbaleDocument.Speed(
                        m.measuredKmh(),
                        m.toleranceKmh(),
                        m.assessedKmh(),
                        m.limitKmh(),
                        v.deviceCode(),
                        null,
                        null,
                        v.calibration(),
                        v.calibratedOn()))
            .orElse(null);
    List<VerbaleDocument.Window> windows = new ArrayList<>();
    for (WindowView w : v.windows()) {
      VerbaleDocument.Payment payment =
          w.noticeCode() == null
              ? null
              : new VerbaleDocument.Payment(
                  w.noticeCode(),
                  w.iuv(),
                  creditor.creditorTaxCode(),
                  r.officialName(),
                  w.amountCents(),
                  w.qrPayload());
      windows.add(
          new VerbaleDocument.Window(
              w.label(), w.sanction(), w.fees(), w.total(), w.lastDay(), deadline(w), payment));
    }
    List<VerbaleDocument.FeeLine> fees =
        v.fees().stream()
            .map(f -> new VerbaleDocument.FeeLine(f.description(), f.amount()))
            .toList();
    String slug = tenant.require().id().slug();
    return new VerbaleDocument(
        command,
        v.number(),
        v.issuedOn(),
        v.issuedBy(),
        owner,
        vehicle,
        violation,
        speed,
        windows,
        fees,
        v.notificationDeadline(),
        v.points() > 0,
        new VerbaleDocument.Portal(
            publicUrl.replaceAll("/+$", "") + "/t/" + slug + "/portale/", pin));
  }

  private static String deadline(WindowView w) {
    return switch (w.type()) {
      case REDUCED_30 -> "entro 5 giorni dalla contestazione o notificazione (art. 202 c. 1 CdS)";
      case MINIMUM -> "entro 60 giorni dalla contestazione o notificazione (art. 202 c. 1 CdS)";
      case HALF_MAXIMUM ->
          "dopo 60 giorni senza pagamento né ricorso: titolo esecutivo (art. 203 c. 3 CdS)";
    };
  }

  private static String join(String separator, String... parts) {
    StringBuilder out = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (out.length() > 0) {
          out.append(separator);
        }
        out.append(p.strip());
      }
    }
    return out.toString();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
