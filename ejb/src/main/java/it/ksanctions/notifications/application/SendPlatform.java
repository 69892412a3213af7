package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.domain.PostalAddress;
import it.ksanctions.sanctions.application.DeliveryFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The port to SEND, the Piattaforma Notifiche Digitali (issue 15 items 1–2), with the command's own
 * API key and PDND voucher. Its adapter speaks the B2B API for public administrations.
 */
public interface SendPlatform {

  /** A notification request (NewNotificationRequestV26) as the product fills it. */
  record Request(
      String paProtocolNumber,
      String idempotenceToken,
      String subject,
      boolean company,
      String taxId,
      String denomination,
      String pec,
      PostalAddress address,
      List<String> noticeCodes,
      String creditorTaxId,
      long paFeeCents,
      String senderDenomination,
      String senderTaxId,
      byte[] pdf,
      String documentTitle) {}

  /** What SEND says of a request: WAITING, ACCEPTED (with the IUN) or REFUSED (with reasons). */
  record RequestStatus(String status, String iun, List<String> errors) {}

  /** A progress event of the stream. */
  record Event(
      String eventId,
      String requestId,
      String iun,
      String newStatus,
      String category,
      Instant at,
      List<LegalFactRef> legalFacts) {}

  /** A legal fact named by an event. */
  record LegalFactRef(String key, String category) {}

  /** A page of events and how long SEND asks to wait before the next read (null: at once). */
  record Events(List<Event> events, Duration retryAfter) {}

  /** A downloaded legal fact. */
  record LegalFact(String fileName, byte[] content) {}

  /** Uploads the act and sends the request; its notificationRequestId (also for a repeat). */
  String send(SendAccess access, Request request) throws DeliveryFailure;

  RequestStatus status(SendAccess access, String notificationRequestId) throws DeliveryFailure;

  /** Creates the command's progress stream; its id. */
  String createStream(SendAccess access) throws DeliveryFailure;

  Events events(SendAccess access, String streamId, String lastEventId) throws DeliveryFailure;

  LegalFact legalFact(SendAccess access, String iun, String legalFactKey) throws DeliveryFailure;
}
