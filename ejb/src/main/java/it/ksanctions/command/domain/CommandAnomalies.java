package it.ksanctions.command.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the anomalies of a command's configuration (CMD-8) from a snapshot of it. Serious ones
 * (they make a verbale wrong or impossible to pay or notify) block new verbali (CMD-7):
 *
 * <ul>
 *   <li>registry without official name, codice fiscale or PEC — the verbale cannot name its issuer;
 *   <li>invalid or duplicate chapter codes, percentages that do not total 100 % — revenue cannot be
 *       booked;
 *   <li>overlapping versions of one fee — the total due would be ambiguous;
 *   <li>the last connection test of pagoPA or PEC failed — the verbale could not be paid or
 *       notified;
 *   <li>the signature or seal certificate expired — documents could not be signed.
 * </ul>
 *
 * Warnings: no chapter plan for all violations, a notification channel without a fee in force, a
 * certificate expiring within 30 days.
 */
public final class CommandAnomalies {

  /** What the anomalies are computed from. {@code lastTestFailures} maps integration to reason. */
  public record Snapshot(
      CommandRegistry registry,
      List<String> chapterCodes,
      List<ChapterAllocation> allocations,
      List<Fee> fees,
      String pagoPaFailure,
      String pecFailure,
      LocalDate today) {}

  private CommandAnomalies() {}

  public static List<CommandAnomaly> of(Snapshot s) {
    List<CommandAnomaly> found = new ArrayList<>();
    if (s.registry() == null || !s.registry().complete()) {
      found.add(
          new CommandAnomaly(
              CommandAnomaly.Kind.REGISTRY_INCOMPLETE,
              true,
              "Anagrafica incompleta: denominazione, codice fiscale e PEC del comando sono"
                  + " obbligatori per emettere verbali."));
    }
    Set<String> seen = new HashSet<>();
    for (String code : s.chapterCodes()) {
      if (!BudgetChapter.validCode(code)) {
        found.add(
            new CommandAnomaly(
                CommandAnomaly.Kind.CHAPTER_CODE_INVALID,
                true,
                "Codice di capitolo non valido: " + code + "."));
      } else if (!seen.add(code)) {
        found.add(
            new CommandAnomaly(
                CommandAnomaly.Kind.CHAPTER_CODE_DUPLICATE,
                true,
                "Codice di capitolo duplicato: " + code + "."));
      }
    }
    for (Map.Entry<String, BigDecimal> e :
        AllocationPlan.incompleteTypes(s.allocations()).entrySet()) {
      found.add(
          new CommandAnomaly(
              CommandAnomaly.Kind.ALLOCATION_PERCENTAGES,
              true,
              "Le percentuali dei capitoli per "
                  + e.getKey()
                  + " sommano "
                  + e.getValue().toPlainString().replace('.', ',')
                  + "% invece di 100%."));
    }
    if (s.allocations().stream()
        .noneMatch(a -> AllocationPlan.DEFAULT_TYPE.equals(a.violationType()))) {
      found.add(
          new CommandAnomaly(
              CommandAnomaly.Kind.ALLOCATION_MISSING,
              false,
              "Nessun capitolo di bilancio per le violazioni senza piano proprio ("
                  + AllocationPlan.DEFAULT_TYPE
                  + "): i proventi non sarebbero imputati."));
    }
    Map<String, List<Fee>> byCode = new HashMap<>();
    for (Fee fee : s.fees()) {
      byCode.computeIfAbsent(fee.code(), k -> new ArrayList<>()).add(fee);
    }
    byCode.forEach(
        (code, versions) -> {
          for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
              if (versions.get(i).overlaps(versions.get(j))) {
                found.add(
                    new CommandAnomaly(
                        CommandAnomaly.Kind.FEE_OVERLAP,
                        true,
                        "La spesa "
                            + code
                            + " ha versioni con validità sovrapposte: l'importo dovuto sarebbe"
                            + " ambiguo."));
                return;
              }
            }
          }
        });
    for (NotificationChannel channel : NotificationChannel.values()) {
      boolean priced =
          s.fees().stream()
              .anyMatch(
                  f ->
                      f.category() == FeeCategory.NOTIFICATION
                          && f.channel() == channel
                          && f.inForceOn(s.today()));
      if (!priced) {
        found.add(
            new CommandAnomaly(
                CommandAnomaly.Kind.FEE_CHANNEL_MISSING,
                false,
                "Nessuna spesa di notifica in vigore per il canale "
                    + channel.italianLabel()
                    + "."));
      }
    }
    if (s.pagoPaFailure() != null) {
      found.add(
          new CommandAnomaly(
              CommandAnomaly.Kind.PAGOPA_CONNECTION_FAILED,
              true,
              "Connessione con pagoPA non riuscita all'ultima verifica: " + s.pagoPaFailure()));
    }
    if (s.pecFailure() != null) {
      found.add(
          new CommandAnomaly(
              CommandAnomaly.Kind.PEC_CONNECTION_FAILED,
              true,
              "Connessione con la PEC non riuscita all'ultima verifica: " + s.pecFailure()));
    }
    CommandRegistry r = s.registry();
    if (r != null
        && r.signatureKind() != null
        && r.signatureKind() != SignatureKind.NONE
        && r.signatureValidUntil() != null) {
      long days = ChronoUnit.DAYS.between(s.today(), r.signatureValidUntil());
      if (days < 0) {
        found.add(
            new CommandAnomaly(
                CommandAnomaly.Kind.SIGNATURE_EXPIRED,
                true,
                "Il certificato di "
                    + r.signatureKind().italianLabel().toLowerCase(java.util.Locale.ITALIAN)
                    + " è scaduto il "
                    + Dates.italian(r.signatureValidUntil())
                    + ": rinnovarlo e aggiornare l'anagrafica."));
      } else if (days <= 30) {
        found.add(
            new CommandAnomaly(
                CommandAnomaly.Kind.SIGNATURE_EXPIRING,
                false,
                "Il certificato di "
                    + r.signatureKind().italianLabel().toLowerCase(java.util.Locale.ITALIAN)
                    + " scade il "
                    + Dates.italian(r.signatureValidUntil())
                    + (days == 0
                        ? " (oggi)."
                        : " (tra " + days + (days == 1 ? " giorno)." : " giorni)."))));
      }
    }
    return List.copyOf(found);
  }

  /** Refuses new verbali while a blocking anomaly is open, saying which. */
  public static void ensureNoBlocking(List<CommandAnomaly> anomalies) {
    List<String> blocking =
        anomalies.stream()
            .filter(CommandAnomaly::blocking)
            .map(CommandAnomaly::italianMessage)
            .toList();
    if (!blocking.isEmpty()) {
      throw new CommandRuleException(
          "command.anomalies.blocking",
          "Emissione di nuovi verbali bloccata finché non si risolvono le anomalie gravi della"
              + " configurazione del comando: "
              + String.join(" ", blocking));
    }
  }
}
