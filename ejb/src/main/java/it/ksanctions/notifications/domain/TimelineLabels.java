package it.ksanctions.notifications.domain;

import java.util.Map;

/**
 * Italian labels of the notification timeline's events (SEND's timeline categories, the PEC
 * receipts, the postal steps) and of the legal facts, for the office's pages. An unknown code is
 * shown as it is.
 */
public final class TimelineLabels {

  private static final Map<String, String> EVENTS =
      Map.ofEntries(
          Map.entry("REQUEST_ACCEPTED", "Richiesta accettata da SEND"),
          Map.entry("REQUEST_REFUSED", "Richiesta rifiutata da SEND"),
          Map.entry("SEND_DIGITAL_DOMICILE", "Invio al domicilio digitale"),
          Map.entry("DIGITAL_SUCCESS_WORKFLOW", "Consegna digitale riuscita"),
          Map.entry("DIGITAL_FAILURE_WORKFLOW", "Consegna digitale non riuscita"),
          Map.entry("SEND_ANALOG_DOMICILE", "Invio della raccomandata"),
          Map.entry("SEND_ANALOG_FEEDBACK", "Esito della raccomandata"),
          Map.entry("NOTIFICATION_VIEWED", "Visualizzata dal destinatario"),
          Map.entry("REFINEMENT", "Perfezionata per decorrenza dei termini"),
          Map.entry("COMPLETELY_UNREACHABLE", "Destinatario irreperibile"),
          Map.entry("NOTIFICATION_CANCELLED", "Notifica annullata"),
          Map.entry("POSTAL_HANDOVER", "Consegnata all'intermediario postale"),
          Map.entry("PEC_ACCETTAZIONE", "Ricevuta di accettazione PEC"),
          Map.entry("PEC_NON_ACCETTAZIONE", "Avviso di non accettazione PEC"),
          Map.entry("PEC_AVVENUTA_CONSEGNA", "Ricevuta di avvenuta consegna PEC"),
          Map.entry("PEC_ERRORE_CONSEGNA", "Avviso di mancata consegna PEC"),
          Map.entry("PEC_PREAVVISO_ERRORE_CONSEGNA", "Preavviso di mancata consegna PEC"),
          Map.entry("PEC_RILEVAZIONE_VIRUS", "Mancata consegna PEC per virus"));

  private static final Map<String, String> LEGAL_FACTS =
      Map.ofEntries(
          Map.entry("SENDER_ACK", "Attestazione di presa in carico"),
          Map.entry("DIGITAL_DELIVERY", "Attestazione di consegna digitale"),
          Map.entry("ANALOG_DELIVERY", "Attestazione di consegna cartacea"),
          Map.entry("RECIPIENT_ACCESS", "Attestazione di avvenuto accesso"),
          Map.entry("PEC_RECEIPT", "Ricevuta PEC"),
          Map.entry("ANALOG_FAILURE_DELIVERY", "Attestazione di mancato recapito"),
          Map.entry("PEC_ACCETTAZIONE", "Ricevuta PEC di accettazione"),
          Map.entry("PEC_CONSEGNA", "Ricevuta PEC di avvenuta consegna"),
          Map.entry("PEC_MANCATA_CONSEGNA", "Avviso PEC di mancata consegna"),
          Map.entry("PEC_NON_ACCETTAZIONE", "Avviso PEC di non accettazione"));

  private TimelineLabels() {}

  public static String event(String category) {
    return category == null ? "" : EVENTS.getOrDefault(category, category);
  }

  public static String legalFact(String category) {
    return category == null ? "" : LEGAL_FACTS.getOrDefault(category, category);
  }
}
