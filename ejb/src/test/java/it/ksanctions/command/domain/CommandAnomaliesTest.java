package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.domain.CommandAnomalies.Snapshot;
import it.ksanctions.command.domain.CommandAnomaly.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandAnomaliesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

  static Fee fee(
      String code,
      FeeCategory category,
      NotificationChannel channel,
      LocalDate from,
      LocalDate to) {
    return new Fee(
        code,
        "Voce " + code,
        category,
        channel,
        FeeAmountKind.FIXED,
        new BigDecimal("5.00"),
        from,
        to,
        "Delibera G.C. n. 45 del 12/03/2026");
  }

  static List<Fee> cleanFees() {
    List<Fee> fees = new ArrayList<>();
    fees.add(fee("ACC", FeeCategory.ASSESSMENT, null, JAN_1, null));
    for (NotificationChannel c : NotificationChannel.values()) {
      fees.add(fee("NOT-" + c.name(), FeeCategory.NOTIFICATION, c, JAN_1, null));
    }
    return fees;
  }

  static List<ChapterAllocation> cleanAllocations() {
    return List.of(
        new ChapterAllocation("TUTTE", "3010.01", new BigDecimal("100.00")),
        new ChapterAllocation("Velocità", "3010.01", new BigDecimal("50.00")),
        new ChapterAllocation("Velocità", "3010.02", new BigDecimal("50.00")));
  }

  static Snapshot clean() {
    return new Snapshot(
        CommandRegistryTest.registry().build().validated(),
        List.of("3010.01", "3010.02", "E.3.02.02.01.004"),
        cleanAllocations(),
        cleanFees(),
        null,
        null,
        TODAY);
  }

  static Snapshot withRegistry(CommandRegistry r) {
    Snapshot s = clean();
    return new Snapshot(
        r,
        s.chapterCodes(),
        s.allocations(),
        s.fees(),
        s.pagoPaFailure(),
        s.pecFailure(),
        s.today());
  }

  static Snapshot withChapters(List<String> codes) {
    Snapshot s = clean();
    return new Snapshot(
        s.registry(),
        codes,
        s.allocations(),
        s.fees(),
        s.pagoPaFailure(),
        s.pecFailure(),
        s.today());
  }

  static Snapshot withAllocations(List<ChapterAllocation> allocations) {
    Snapshot s = clean();
    return new Snapshot(
        s.registry(),
        s.chapterCodes(),
        allocations,
        s.fees(),
        s.pagoPaFailure(),
        s.pecFailure(),
        s.today());
  }

  static Snapshot withFees(List<Fee> fees) {
    Snapshot s = clean();
    return new Snapshot(
        s.registry(),
        s.chapterCodes(),
        s.allocations(),
        fees,
        s.pagoPaFailure(),
        s.pecFailure(),
        s.today());
  }

  static CommandRegistry signedUntil(SignatureKind kind, LocalDate until) {
    CommandRegistryTest.Builder b = CommandRegistryTest.registry();
    b.signatureKind = kind;
    b.signatureValidUntil = until;
    return b.build();
  }

  /** The only anomaly found, checking that it is of {@code kind}. */
  static CommandAnomaly only(Snapshot s, Kind kind) {
    List<CommandAnomaly> found = CommandAnomalies.of(s);
    assertThat(found).extracting(CommandAnomaly::kind).containsExactly(kind);
    return found.get(0);
  }

  @Test
  void aCleanConfigurationHasNoAnomaly() {
    assertThat(CommandAnomalies.of(clean())).isEmpty();
    assertThatCode(() -> CommandAnomalies.ensureNoBlocking(CommandAnomalies.of(clean())))
        .doesNotThrowAnyException();
  }

  @Nested
  class Registry {

    @Test
    void missingRegistryBlocks() {
      CommandAnomaly a = only(withRegistry(null), Kind.REGISTRY_INCOMPLETE);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo(
              "Anagrafica incompleta: denominazione, codice fiscale e PEC del comando sono"
                  + " obbligatori per emettere verbali.");
    }

    @Test
    void aNewCommandWithoutPecBlocks() {
      CommandRegistry initial =
          CommandRegistry.initial("Comando PL Latina", BodyKind.COMUNE, "00097020598");
      assertThat(only(withRegistry(initial), Kind.REGISTRY_INCOMPLETE).blocking()).isTrue();
    }
  }

  @Nested
  class Chapters {

    @Test
    void invalidCodeBlocks() {
      CommandAnomaly a =
          only(withChapters(List.of("3010.01", "3010 02")), Kind.CHAPTER_CODE_INVALID);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage()).isEqualTo("Codice di capitolo non valido: 3010 02.");
    }

    @Test
    void duplicateCodeBlocks() {
      CommandAnomaly a =
          only(withChapters(List.of("3010.01", "3010.02", "3010.01")), Kind.CHAPTER_CODE_DUPLICATE);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage()).isEqualTo("Codice di capitolo duplicato: 3010.01.");
    }

    @Test
    void noChapterIsNotAnAnomalyOfItsOwn() {
      assertThat(CommandAnomalies.of(withChapters(List.of()))).isEmpty();
    }

    @Test
    void percentagesNotTotallingOneHundredBlock() {
      List<ChapterAllocation> allocations =
          List.of(
              new ChapterAllocation("TUTTE", "3010.01", new BigDecimal("100.00")),
              new ChapterAllocation("Velocità", "3010.01", new BigDecimal("60.00")),
              new ChapterAllocation("Velocità", "3010.02", new BigDecimal("30.00")));
      CommandAnomaly a = only(withAllocations(allocations), Kind.ALLOCATION_PERCENTAGES);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo("Le percentuali dei capitoli per Velocità sommano 90,00% invece di 100%.");
    }

    @Test
    void noDefaultPlanIsAWarning() {
      List<ChapterAllocation> allocations =
          List.of(new ChapterAllocation("Velocità", "3010.01", new BigDecimal("100.00")));
      CommandAnomaly a = only(withAllocations(allocations), Kind.ALLOCATION_MISSING);
      assertThat(a.blocking()).isFalse();
      assertThat(a.italianMessage())
          .isEqualTo(
              "Nessun capitolo di bilancio per le violazioni senza piano proprio (TUTTE): i"
                  + " proventi non sarebbero imputati.");
      assertThat(only(withAllocations(List.of()), Kind.ALLOCATION_MISSING).blocking()).isFalse();
    }
  }

  @Nested
  class Fees {

    @Test
    void overlappingVersionsOfOneFeeBlockOnce() {
      List<Fee> fees = new ArrayList<>(cleanFees());
      fees.add(fee("ACC", FeeCategory.ASSESSMENT, null, LocalDate.of(2026, 7, 1), null));
      fees.add(fee("ACC", FeeCategory.ASSESSMENT, null, LocalDate.of(2026, 9, 1), null));
      CommandAnomaly a = only(withFees(fees), Kind.FEE_OVERLAP);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo(
              "La spesa ACC ha versioni con validità sovrapposte: l'importo dovuto sarebbe"
                  + " ambiguo.");
    }

    @Test
    void consecutiveVersionsAreFine() {
      List<Fee> fees = new ArrayList<>(cleanFees());
      fees.set(0, fee("ACC", FeeCategory.ASSESSMENT, null, JAN_1, LocalDate.of(2026, 6, 30)));
      fees.add(fee("ACC", FeeCategory.ASSESSMENT, null, LocalDate.of(2026, 7, 1), null));
      assertThat(CommandAnomalies.of(withFees(fees))).isEmpty();
    }

    @Test
    void aChannelWithoutNotificationFeeIsAWarning() {
      List<Fee> fees = new ArrayList<>(cleanFees());
      fees.removeIf(f -> f.channel() == NotificationChannel.SEND);
      CommandAnomaly a = only(withFees(fees), Kind.FEE_CHANNEL_MISSING);
      assertThat(a.blocking()).isFalse();
      assertThat(a.italianMessage())
          .isEqualTo(
              "Nessuna spesa di notifica in vigore per il canale SEND (piattaforma notifiche"
                  + " digitali).");
    }

    @ParameterizedTest
    @CsvSource({"2025-01-01, 2026-03-09", "2026-03-11,"})
    void aNotificationFeeNotInForceTodayDoesNotCount(LocalDate from, LocalDate to) {
      List<Fee> fees = new ArrayList<>(cleanFees());
      fees.removeIf(f -> f.channel() == NotificationChannel.PEC);
      fees.add(fee("NOT-PEC", FeeCategory.NOTIFICATION, NotificationChannel.PEC, from, to));
      assertThat(only(withFees(fees), Kind.FEE_CHANNEL_MISSING).italianMessage())
          .endsWith("canale PEC.");
    }

    @Test
    void everyChannelWithoutFeeIsListed() {
      List<CommandAnomaly> found = CommandAnomalies.of(withFees(List.of()));
      assertThat(found)
          .extracting(CommandAnomaly::kind)
          .containsOnly(Kind.FEE_CHANNEL_MISSING)
          .hasSize(NotificationChannel.values().length);
      assertThat(found).noneMatch(CommandAnomaly::blocking);
    }

    @Test
    void anAssessmentFeeDoesNotPriceAChannel() {
      List<Fee> fees = new ArrayList<>(cleanFees());
      fees.removeIf(f -> f.channel() == NotificationChannel.ABROAD);
      fees.add(fee("ACC-EST", FeeCategory.ASSESSMENT, null, JAN_1, null));
      assertThat(only(withFees(fees), Kind.FEE_CHANNEL_MISSING).italianMessage())
          .endsWith("canale Estero o intermediario postale.");
    }
  }

  @Nested
  class Integrations {

    @Test
    void failedPagoPaTestBlocks() {
      Snapshot s = clean();
      Snapshot failed =
          new Snapshot(
              s.registry(), s.chapterCodes(), s.allocations(), s.fees(), "HTTP 401", null, TODAY);
      CommandAnomaly a = only(failed, Kind.PAGOPA_CONNECTION_FAILED);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo("Connessione con pagoPA non riuscita all'ultima verifica: HTTP 401");
    }

    @Test
    void failedPecTestBlocks() {
      Snapshot s = clean();
      Snapshot failed =
          new Snapshot(
              s.registry(),
              s.chapterCodes(),
              s.allocations(),
              s.fees(),
              null,
              "autenticazione SMTP rifiutata",
              TODAY);
      CommandAnomaly a = only(failed, Kind.PEC_CONNECTION_FAILED);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo(
              "Connessione con la PEC non riuscita all'ultima verifica: autenticazione SMTP"
                  + " rifiutata");
    }
  }

  @Nested
  class Signature {

    @Test
    void expiredCertificateBlocks() {
      CommandAnomaly a =
          only(
              withRegistry(signedUntil(SignatureKind.DIGITAL_SIGNATURE, TODAY.minusDays(1))),
              Kind.SIGNATURE_EXPIRED);
      assertThat(a.blocking()).isTrue();
      assertThat(a.italianMessage())
          .isEqualTo(
              "Il certificato di firma digitale del responsabile è scaduto il 09/03/2026:"
                  + " rinnovarlo e aggiornare l'anagrafica.");
    }

    @Test
    void expiredSealNamesTheSeal() {
      assertThat(
              only(
                      withRegistry(
                          signedUntil(SignatureKind.QUALIFIED_SEAL, LocalDate.of(2025, 12, 31))),
                      Kind.SIGNATURE_EXPIRED)
                  .italianMessage())
          .startsWith("Il certificato di sigillo elettronico qualificato è scaduto il 31/12/2025");
    }

    @ParameterizedTest
    @CsvSource({
      "30, Il certificato di firma digitale del responsabile scade il 09/04/2026 (tra 30 giorni).",
      "2, Il certificato di firma digitale del responsabile scade il 12/03/2026 (tra 2 giorni).",
      "1, Il certificato di firma digitale del responsabile scade il 11/03/2026 (tra 1 giorno).",
      "0, Il certificato di firma digitale del responsabile scade il 10/03/2026 (oggi)."
    })
    void certificateExpiringWithinThirtyDaysIsAWarning(int days, String message) {
      CommandAnomaly a =
          only(
              withRegistry(signedUntil(SignatureKind.DIGITAL_SIGNATURE, TODAY.plusDays(days))),
              Kind.SIGNATURE_EXPIRING);
      assertThat(a.blocking()).isFalse();
      assertThat(a.italianMessage()).isEqualTo(message);
    }

    @Test
    void expiringSealNamesTheSeal() {
      assertThat(
              only(
                      withRegistry(signedUntil(SignatureKind.QUALIFIED_SEAL, TODAY.plusDays(10))),
                      Kind.SIGNATURE_EXPIRING)
                  .italianMessage())
          .startsWith("Il certificato di sigillo elettronico qualificato scade il 20/03/2026");
    }

    @Test
    void moreThanThirtyDaysAwayIsFine() {
      assertThat(
              CommandAnomalies.of(
                  withRegistry(signedUntil(SignatureKind.DIGITAL_SIGNATURE, TODAY.plusDays(31)))))
          .isEmpty();
    }

    @Test
    void withoutSignatureTheDateIsIgnored() {
      assertThat(
              CommandAnomalies.of(
                  withRegistry(signedUntil(SignatureKind.NONE, TODAY.minusDays(5)))))
          .isEmpty();
      assertThat(CommandAnomalies.of(withRegistry(signedUntil(null, TODAY.minusDays(5)))))
          .isEmpty();
      assertThat(CommandAnomalies.of(withRegistry(signedUntil(SignatureKind.QUALIFIED_SEAL, null))))
          .isEmpty();
    }
  }

  @Nested
  class EnsureNoBlocking {

    @Test
    void blockingAnomaliesStopNewVerbaliNamingThemAll() {
      Snapshot broken =
          new Snapshot(
              null, List.of("3010.01", "3010.01"), List.of(), List.of(), "timeout", null, TODAY);
      List<CommandAnomaly> found = CommandAnomalies.of(broken);
      assertThat(found)
          .extracting(CommandAnomaly::kind)
          .contains(
              Kind.REGISTRY_INCOMPLETE,
              Kind.CHAPTER_CODE_DUPLICATE,
              Kind.ALLOCATION_MISSING,
              Kind.FEE_CHANNEL_MISSING,
              Kind.PAGOPA_CONNECTION_FAILED);

      CommandRuleException e = null;
      try {
        CommandAnomalies.ensureNoBlocking(found);
      } catch (CommandRuleException x) {
        e = x;
      }
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo("command.anomalies.blocking");
      assertThat(e.italianMessage())
          .startsWith(
              "Emissione di nuovi verbali bloccata finché non si risolvono le anomalie gravi della"
                  + " configurazione del comando: ")
          .contains("Anagrafica incompleta")
          .contains("Codice di capitolo duplicato: 3010.01.")
          .contains("Connessione con pagoPA non riuscita all'ultima verifica: timeout")
          .doesNotContain("Nessun capitolo di bilancio")
          .doesNotContain("Nessuna spesa di notifica");
    }

    @Test
    void warningsAloneDoNotBlock() {
      Snapshot s = clean();
      Snapshot warnings =
          new Snapshot(
              signedUntil(SignatureKind.DIGITAL_SIGNATURE, TODAY.plusDays(5)),
              s.chapterCodes(),
              List.of(),
              List.of(),
              null,
              null,
              TODAY);
      List<CommandAnomaly> found = CommandAnomalies.of(warnings);
      assertThat(found).isNotEmpty().noneMatch(CommandAnomaly::blocking);
      assertThatCode(() -> CommandAnomalies.ensureNoBlocking(found)).doesNotThrowAnyException();
      assertThatCode(() -> CommandAnomalies.ensureNoBlocking(List.of())).doesNotThrowAnyException();
    }

    @Test
    void onlyTheBlockingOnesAreNamed() {
      List<CommandAnomaly> anomalies =
          List.of(
              new CommandAnomaly(Kind.SIGNATURE_EXPIRING, false, "Avviso."),
              new CommandAnomaly(Kind.PEC_CONNECTION_FAILED, true, "PEC ko."),
              new CommandAnomaly(Kind.FEE_OVERLAP, true, "Spese sovrapposte."));
      assertThatThrownBy(() -> CommandAnomalies.ensureNoBlocking(anomalies))
          .isInstanceOf(CommandRuleException.class)
          .hasMessage(
              "command.anomalies.blocking: Emissione di nuovi verbali bloccata finché non si"
                  + " risolvono le anomalie gravi della configurazione del comando: PEC ko."
                  + " Spese sovrapposte.");
    }
  }
}
