package it.ksanctions.articles.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import it.ksanctions.articles.domain.ArticleChange;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.infrastructure.ArticlePdf;
import it.ksanctions.articles.infrastructure.ArticleVersionRow;
import it.ksanctions.permissions.application.AdministrationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of the administration that need no database: refusals and export cells. */
class ArticleAdministrationTest {

  static final ArticleCode ZTL = ArticleCode.local("REG.ZTL1");
  static final BigDecimal MIN = new BigDecimal("80.00");
  static final BigDecimal MAX = new BigDecimal("320.00");

  @Test
  void theGiuntasAmountIsRefusedInItalianWhereTheDomainWouldRefuseIt() {
    assertThatCode(() -> ArticleAdministration.requireValidMunicipalAmount(ZTL, MIN, MAX, null))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ArticleAdministration.requireValidMunicipalAmount(
                    ZTL, MIN, MAX, new BigDecimal("100")))
        .doesNotThrowAnyException();

    assertThat(
            refusal(
                ArticleCode.parse("142c8"),
                new BigDecimal("173"),
                new BigDecimal("694"),
                new BigDecimal("200")))
        .contains("Codice della Strada", "142c8", "art. 16 c. 2 L. 689/1981");
    assertThat(refusal(ZTL, MIN, MAX, new BigDecimal("400")))
        .contains("400,00", "minimo (80,00 €)", "massimo (320,00 €)");
    assertThat(refusal(ZTL, MIN, MAX, new BigDecimal("79.99"))).contains("79,99");
    assertThat(refusal(ZTL, MIN, MAX, new BigDecimal("100.001"))).contains("due decimali");
    assertThat(refusal(ZTL, MIN, MAX, BigDecimal.ZERO)).contains("maggiore di zero");
  }

  @Test
  void exportsCarryTheGiuntasAmountAfterTheMaximum() {
    ArticleChange change =
        new ArticleChange("admin", Instant.parse("2026-11-23T10:00:00Z"), true, "Delibera", "DGC");
    ArticleVersionRow local =
        ArticleVersionRow.of(
            ArticleVersion.ofLocalRegulation(
                ZTL, MIN, MAX, new BigDecimal("100"), Set.of(), LocalDate.of(2027, 1, 1), null),
            "Accesso ZTL",
            "ZTL",
            true,
            change);
    ArticleVersionRow highwayCode =
        ArticleVersionRow.of(
            ArticleVersion.ofHighwayCode(
                ArticleCode.parse("142c8"),
                new BigDecimal("173"),
                new BigDecimal("694"),
                Set.of(),
                LocalDate.of(2021, 1, 1),
                null),
            "Velocità",
            "Velocità",
            false,
            change);

    assertThat(ArticleAdministration.HEADERS[5]).isEqualTo("Importo ridotto comunale");
    assertThat(ArticleAdministration.cells(local))
        .hasSameSizeAs(ArticleAdministration.HEADERS)
        .startsWith("REG.ZTL1", "Accesso ZTL", "ZTL", "80,00", "320,00", "100,00", "no");
    assertThat(ArticleAdministration.cells(highwayCode)[5]).isEmpty();
    assertThat(ArticleAdministration.cells(highwayCode)[6]).isEqualTo("sì");

    byte[] pdf =
        ArticlePdf.render(
            List.of(local, highwayCode),
            "Comune di prova",
            ArticleAdministration.HEADERS,
            ArticleAdministration::cells);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void exportsEndWithShortDescriptionPointsAndOperatingNotes() {
    ArticleChange change =
        new ArticleChange("admin", Instant.parse("2026-11-23T10:00:00Z"), true, "Catalogo", "DM");
    ArticleVersionRow row =
        ArticleVersionRow.of(
            ArticleVersion.ofHighwayCode(
                ArticleCode.parse("146c3"),
                new BigDecimal("167"),
                new BigDecimal("665"),
                Set.of(),
                LocalDate.of(2021, 1, 1),
                null),
            "Passaggio con il semaforo rosso",
            new ArticleParticulars("Semaforo rosso", 6, "Recidiva nel biennio: sospensione"),
            "Segnaletica",
            false,
            change);

    assertThat(ArticleAdministration.HEADERS)
        .startsWith("Codice", "Descrizione", "Categoria", "Minimo", "Massimo")
        .endsWith("Descrizione breve", "Punti patente", "Note operative");
    assertThat(ArticleAdministration.cells(row))
        .hasSameSizeAs(ArticleAdministration.HEADERS)
        .endsWith("Semaforo rosso", "6", "Recidiva nel biennio: sospensione");
    byte[] pdf =
        ArticlePdf.render(
            List.of(row),
            "Comune di prova",
            ArticleAdministration.HEADERS,
            ArticleAdministration::cells);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  private static String refusal(
      ArticleCode code, BigDecimal minimum, BigDecimal maximum, BigDecimal amount) {
    try {
      ArticleAdministration.requireValidMunicipalAmount(code, minimum, maximum, amount);
    } catch (AdministrationException e) {
      return e.italianMessage();
    }
    throw new AssertionError("Not refused: " + amount + " on " + code);
  }
}
