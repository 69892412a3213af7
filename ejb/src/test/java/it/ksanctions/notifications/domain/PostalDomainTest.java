package it.ksanctions.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostalDomainTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

  @Test
  void outcomesAreReadFromTheirFileCodes() {
    assertThat(PostalOutcome.ofFileCode(" consegnato ")).contains(PostalOutcome.DELIVERED);
    assertThat(PostalOutcome.ofFileCode("Compiuta giacenza"))
        .contains(PostalOutcome.COMPIUTA_GIACENZA);
    assertThat(PostalOutcome.ofFileCode("IRREPERIBILE")).contains(PostalOutcome.UNREACHABLE);
    assertThat(PostalOutcome.ofFileCode("DELIVERED")).isEmpty();
    assertThat(PostalOutcome.ofFileCode(null)).isEmpty();
    assertThat(PostalOutcome.fileCodes()).isEqualTo("CONSEGNATO, COMPIUTA_GIACENZA, IRREPERIBILE");
  }

  @Test
  void deliveryAndCompiutaGiacenzaPerfectAnUnreachableRecipientDoesNot() {
    assertThat(PostalOutcome.DELIVERED.perfects()).isTrue();
    assertThat(PostalOutcome.COMPIUTA_GIACENZA.perfects()).isTrue();
    assertThat(PostalOutcome.UNREACHABLE.perfects()).isFalse();
    assertThat(PostalOutcome.DELIVERED.status()).isEqualTo(NotificationStatus.DELIVERED);
    assertThat(PostalOutcome.COMPIUTA_GIACENZA.status())
        .isEqualTo(NotificationStatus.EFFECTIVE_DATE);
    assertThat(PostalOutcome.UNREACHABLE.status()).isEqualTo(NotificationStatus.UNREACHABLE);
    LocalDate day = LocalDate.of(2026, 12, 3);
    assertThat(PostalOutcome.DELIVERED.timelineReason(day, null))
        .isEqualTo("Notifica perfezionata: cartolina A/R del 03/12/2026");
    assertThat(PostalOutcome.COMPIUTA_GIACENZA.timelineReason(day, null))
        .isEqualTo("Notifica perfezionata per compiuta giacenza il 03/12/2026");
    assertThat(PostalOutcome.UNREACHABLE.timelineReason(day, " trasferito "))
        .isEqualTo(
            "Raccomandata non consegnata il 03/12/2026: destinatario irreperibile (trasferito)");
  }

  @Test
  void aGoodRowHasNoProblemAndGivesItsValues() {
    PostalOutcomeRow row =
        PostalOutcomeRow.of(
            Map.of("numero_verbale", " 2026/1 ", "esito", "CONSEGNATO", "data", "3/12/2026"));
    assertThat(row.problems(TODAY)).isEmpty();
    assertThat(row.actNumber()).isEqualTo("2026/1");
    assertThat(row.note()).isNull();
    assertThat(row.parsedOutcome()).isEqualTo(PostalOutcome.DELIVERED);
    assertThat(row.parsedDay()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(new PostalOutcomeRow("2026/1", "CONSEGNATO", "10/12/2026", "").problems(TODAY))
        .isEmpty();
  }

  @Test
  void everyWrongFieldIsNamedByItsColumn() {
    assertThat(new PostalOutcomeRow(" ", null, null, null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column)
        .containsExactly("numero_verbale", "esito", "data");
    assertThat(new PostalOutcomeRow("2026/1", "RITIRATO", "31/02/2026", null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column, PostalOutcomeRow.FieldProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "esito",
                "non riconosciuto: «RITIRATO» (ammessi CONSEGNATO, COMPIUTA_GIACENZA,"
                    + " IRREPERIBILE)"),
            org.assertj.core.groups.Tuple.tuple(
                "data", "non valida: «31/02/2026» (serve gg/mm/aaaa, es. 03/12/2026)"));
    assertThat(new PostalOutcomeRow("2026/1", "CONSEGNATO", "2026-12-03", null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column)
        .containsExactly("data");
    assertThat(new PostalOutcomeRow("2026/1", "CONSEGNATO", "11/12/2026", null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::reason)
        .containsExactly("futura: 11/12/2026");
    assertThat(
            new PostalOutcomeRow("x".repeat(61), "CONSEGNATO", "1/12/2026", null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column)
        .containsExactly("numero_verbale");
    assertThat(
            new PostalOutcomeRow("2026/1", "CONSEGNATO", "1/12/2026", "n".repeat(501))
                .problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column)
        .containsExactly("note");
  }

  @Test
  void anUnreachableRecipientNeedsTheReason() {
    assertThat(new PostalOutcomeRow("2026/1", "IRREPERIBILE", "1/12/2026", null).problems(TODAY))
        .extracting(PostalOutcomeRow.FieldProblem::column)
        .containsExactly("note");
    assertThat(
            new PostalOutcomeRow("2026/1", "IRREPERIBILE", "1/12/2026", "trasferito")
                .problems(TODAY))
        .isEmpty();
  }

  @Test
  void valuesOfAWrongRowAreNotGiven() {
    PostalOutcomeRow wrong = new PostalOutcomeRow("2026/1", "BOH", "ieri", null);
    assertThatThrownBy(wrong::parsedOutcome).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(wrong::parsedDay).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theManifestLineSplitsAnItalianAddressAndKeepsAForeignOneWhole() {
    assertThat(PostalManifest.pdfName("2026/000123")).isEqualTo("2026-000123.pdf");
    assertThat(
            PostalManifest.line(
                "2026/000123",
                "Giulia Bianchi",
                "BNCGLI90A41E472X",
                "Via Roma 1, 04100 Latina (LT)",
                "POST",
                new BigDecimal("12.5"),
                "2026-000123.pdf",
                "ab12"))
        .containsExactly(
            "2026/000123",
            "Giulia Bianchi",
            "BNCGLI90A41E472X",
            "Via Roma 1",
            "04100",
            "Latina",
            "LT",
            "POST",
            "12,50",
            "2026-000123.pdf",
            "ab12");
    assertThat(
            PostalManifest.line(
                "2026/7",
                "Jean Dupont",
                null,
                "1 rue de la Paix, 75002 Paris",
                "ABROAD",
                null,
                "2026-7.pdf",
                "cd34"))
        .containsExactly(
            "2026/7",
            "Jean Dupont",
            "",
            "1 rue de la Paix, 75002 Paris",
            "",
            "",
            "",
            "ABROAD",
            "",
            "2026-7.pdf",
            "cd34");
    assertThat(PostalManifest.HEADERS).hasSize(11).startsWith("numero_verbale").endsWith("sha256");
  }

  @Test
  void aRefusalOfTheContextIsARuleViolation() {
    NotificationsRuleException e =
        new NotificationsRuleException("notifications.postal.x", "Messaggio");
    assertThat(e.code()).isEqualTo("notifications.postal.x");
    assertThat(e.italianMessage()).isEqualTo("Messaggio");
    assertThat(e.kind()).isEqualTo(it.ksanctions.shared.RuleViolation.Kind.CONFLICT);
    assertThat(PostalBatchStatus.HANDED_OVER.italianLabel())
        .isEqualTo("Consegnato al servizio postale");
  }
}
