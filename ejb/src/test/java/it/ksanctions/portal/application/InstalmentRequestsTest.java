package it.ksanctions.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.portal.application.InstalmentRequests.Status;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstalmentRequestsTest {

  static final LocalDate NOTIFIED = LocalDate.of(2026, 3, 2);

  @Test
  void theFirstInstalmentFallsDueThirtyDaysAfterTheApproval() {
    assertThat(InstalmentRequests.firstDueDate(LocalDate.of(2026, 1, 31)))
        .isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(InstalmentRequests.firstDueDate(LocalDate.of(2026, 12, 15)))
        .isEqualTo(LocalDate.of(2027, 1, 14));
  }

  @Test
  void theRateSettingIsReadAsAnItalianOrEnglishPercentage() {
    assertThat(InstalmentRequests.parseRate("2.5")).contains(new BigDecimal("2.50"));
    assertThat(InstalmentRequests.parseRate(" 2,75 % ")).contains(new BigDecimal("2.75"));
    assertThat(InstalmentRequests.parseRate("0")).contains(new BigDecimal("0.00"));
  }

  @Test
  void aMissingOrWrongRateSettingGivesNone() {
    assertThat(InstalmentRequests.parseRate(null)).isEmpty();
    assertThat(InstalmentRequests.parseRate("  ")).isEmpty();
    assertThat(InstalmentRequests.parseRate("due")).isEmpty();
    assertThat(InstalmentRequests.parseRate("-1")).isEmpty();
    assertThat(InstalmentRequests.parseRate("101")).isEmpty();
  }

  @Test
  void theRateReadsTheItalianWay() {
    assertThat(InstalmentRequests.rateText(new BigDecimal("2"))).isEqualTo("2,00 %");
    assertThat(InstalmentRequests.DEFAULT_RATE).isEqualByComparingTo("2.00");
  }

  @Test
  void aNotifiedActWithoutAPlanIsOpen() {
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.NOTIFIED, NOTIFIED, null, null))
        .isNull();
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.UNPAID, NOTIFIED, null, null))
        .isNull();
  }

  @Test
  void paidAnnulledAppealedOrArchivedActsAreRefusedInItalian() {
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.PAID, NOTIFIED, null, null))
        .contains("già pagato");
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.PARTIALLY_PAID, NOTIFIED, null, null))
        .contains("pagato in parte");
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.ANNULLED, NOTIFIED, null, null))
        .contains("annullato");
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.APPEALED, NOTIFIED, null, null))
        .contains("in corso un ricorso");
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.ARCHIVED, NOTIFIED, null, null))
        .contains("archiviato");
  }

  @Test
  void aPlanAlreadyAskedOrGrantedIsRefused() {
    assertThat(
            InstalmentRequests.blockedReason(
                VerbaleStatus.NOTIFIED, NOTIFIED, Status.REQUESTED, 7L))
        .contains("già stata presentata", "n. 7", "richiesta ricevuta");
    assertThat(
            InstalmentRequests.blockedReason(VerbaleStatus.NOTIFIED, NOTIFIED, Status.APPROVED, 8L))
        .contains("n. 8", "approvata");
  }

  @Test
  void anActNotNotifiedYetIsRefused() {
    assertThat(InstalmentRequests.blockedReason(VerbaleStatus.SENT, null, null, null))
        .contains("non risulta ancora notificato", "30 giorni");
  }
}
