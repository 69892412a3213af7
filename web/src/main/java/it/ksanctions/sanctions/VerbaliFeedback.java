package it.ksanctions.sanctions;

import it.ksanctions.sanctions.application.Verbali.BulkOutcome;
import it.ksanctions.web.backoffice.Feedback;

/** The message of a bulk issue: how many verbali were issued and, for each refused one, why. */
final class VerbaliFeedback {

  private VerbaliFeedback() {}

  static void started(it.ksanctions.sanctions.application.VerbaleIssueRuns.RunView run) {
    if (run != null) {
      Feedback.info(
          "Emissione n. "
              + run.id()
              + " avviata: "
              + run.total()
              + (run.total() == 1 ? " violazione" : " violazioni")
              + ". L'avanzamento e l'esito di ciascuna sono in Verbali.");
    }
  }

  static void report(BulkOutcome outcome) {
    if (outcome == null) {
      return;
    }
    int n = outcome.issued().size();
    if (n > 0) {
      Feedback.info(
          (n == 1 ? "Emesso 1 verbale: n. " : "Emessi " + n + " verbali: n. ")
              + String.join(", ", outcome.issued().stream().map(v -> v.number()).toList())
              + ". Sono in Verbali.");
    }
    outcome.refused().values().forEach(reason -> Feedback.error("Non emesso — " + reason));
    if (n == 0 && outcome.refused().isEmpty()) {
      Feedback.error("Selezionare almeno una violazione validata.");
    }
  }
}
