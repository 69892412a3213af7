package it.ksanctions.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NotificationsDomainTest {

  @Test
  void aPecAttemptIsWordedForPecProvidersNotForSend() {
    for (NotificationStatus s : NotificationStatus.values()) {
      assertThat(s.labelFor("PEC")).as(s.name()).doesNotContain("SEND");
      assertThat(s.labelFor("SEND")).isEqualTo(s.italianLabel());
    }
    assertThat(NotificationStatus.REQUESTED.italianLabel()).contains("SEND");
    assertThat(NotificationStatus.DELIVERED.labelFor("PEC")).contains("casella PEC");
    assertThat(NotificationStatus.QUEUED.labelFor("POST")).isEqualTo("In coda per l'invio");
  }

  @Test
  void theAddressLineIsReadAsSendWantsIt() {
    PostalAddress a = PostalAddress.parse("Via Garibaldi 7, 04100 Latina (lt)");
    assertThat(a).isEqualTo(new PostalAddress("Via Garibaldi 7", "04100", "Latina", "LT"));
    assertThatThrownBy(() -> PostalAddress.parse("Via senza CAP, Latina"))
        .hasMessageContaining("CAP");
  }

  @Test
  void perfectionAtFirstViewOrRefinementInItalianTime() {
    Instant lateEvening = Instant.parse("2026-12-01T23:30:00Z"); // 00:30 on the 2nd in Rome
    assertThat(Perfection.of("NOTIFICATION_VIEWED", lateEvening))
        .contains(LocalDate.of(2026, 12, 2));
    assertThat(Perfection.of("REFINEMENT", lateEvening)).contains(LocalDate.of(2026, 12, 2));
    assertThat(Perfection.of("DIGITAL_SUCCESS_WORKFLOW", lateEvening)).isEmpty();
    assertThat(Perfection.earlier(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 2)))
        .isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void sendStatusesMapToOurs() {
    assertThat(NotificationStatus.ofSend("VIEWED")).contains(NotificationStatus.VIEWED);
    assertThat(NotificationStatus.ofSend("SOMETHING_NEW")).isEmpty();
  }

  @Test
  void timelineCodesAreShownInItalianAndUnknownOnesAsTheyAre() {
    assertThat(TimelineLabels.event("NOTIFICATION_VIEWED"))
        .isEqualTo("Visualizzata dal destinatario");
    assertThat(TimelineLabels.legalFact("RECIPIENT_ACCESS"))
        .isEqualTo("Attestazione di avvenuto accesso");
    assertThat(TimelineLabels.event("NEW_SEND_CATEGORY")).isEqualTo("NEW_SEND_CATEGORY");
    assertThat(TimelineLabels.event(null)).isEmpty();
  }
}
