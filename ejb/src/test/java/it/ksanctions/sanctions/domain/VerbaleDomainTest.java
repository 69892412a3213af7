package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VerbaleDomainTest {

  @Test
  void theNoticeCodeIsAuxDigitSegregationBaseAndTheirRemainderModulo93() {
    PagoPaNotice notice = PagoPaNotice.of("07", 1234L);

    assertThat(notice.noticeCode()).hasSize(18).startsWith("3070000000001234");
    long body = 3_070_000_000_001_234L;
    assertThat(notice.noticeCode()).endsWith(String.format("%02d", body % 93));
    assertThat(notice.iuv()).isEqualTo(notice.noticeCode().substring(1)).hasSize(17);
    assertThat(notice.printed())
        .isEqualTo("3070 0000 0000 1234 " + notice.noticeCode().substring(16));
  }

  @Test
  void theQrPayloadNamesNoticeCreditorAndCents() {
    PagoPaNotice notice = PagoPaNotice.of("01", 42L);

    assertThat(notice.qrPayload("00097020598", 17_340))
        .isEqualTo("PAGOPA|002|" + notice.noticeCode() + "|00097020598|17340");
    assertThatThrownBy(() -> notice.qrPayload("0009702059", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> notice.qrPayload("00097020598", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNoticeCodeWithWrongCheckDigitsOrAnOversizedBaseIsRefused() {
    String good = PagoPaNotice.of("01", 99L).noticeCode();
    String bad = good.substring(0, 16) + (good.endsWith("00") ? "01" : "00");

    assertThatThrownBy(() -> new PagoPaNotice(bad, bad.substring(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PagoPaNotice.of("01", 10_000_000_000_000L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PagoPaNotice.of("1", 1L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theArt201TermIs90DaysOr360ForAnOwnerAbroad() {
    LocalDate assessed = LocalDate.of(2026, 1, 10);

    assertThat(NotificationTerm.of(assessed, false).lastDay()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(NotificationTerm.of(assessed, true).lastDay()).isEqualTo(LocalDate.of(2027, 1, 5));
    NotificationTerm term = NotificationTerm.of(assessed, false);
    assertThat(term.daysLeft(LocalDate.of(2026, 4, 10))).isZero();
    assertThat(term.lapsed(LocalDate.of(2026, 4, 10))).isFalse();
    assertThat(term.lapsed(LocalDate.of(2026, 4, 11))).isTrue();
  }

  @Test
  void anAnnulledActCannotBePaidNorAnnulledAgainAndAPaidOneOnlyArchived() {
    assertThat(VerbaleStatus.ISSUED.canMoveTo(VerbaleStatus.ANNULLED)).isTrue();
    assertThat(VerbaleStatus.ANNULLED.canMoveTo(VerbaleStatus.PAID)).isFalse();
    assertThat(VerbaleStatus.ANNULLED.refusal("VL/2026/1", VerbaleStatus.PAID).italianMessage())
        .contains("annullato in autotutela")
        .contains("VL/2026/1");
    assertThat(VerbaleStatus.ANNULLED.refusal("VL/2026/1", VerbaleStatus.ANNULLED).italianMessage())
        .contains("già nello stato");
    assertThat(VerbaleStatus.PAID.next()).containsExactly(VerbaleStatus.ARCHIVED);
    assertThat(VerbaleStatus.ARCHIVED.next()).isEmpty();
    assertThatThrownBy(() -> VerbaleStatus.ISSUED.refusal("1", VerbaleStatus.SENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPinIsKeptOnlyAsASaltedHashThatMatchesItAlone() {
    String pin = VerbalePin.generate();
    String stored = VerbalePin.hash(pin);

    assertThat(pin).hasSize(10).matches("[A-HJ-NP-Z2-9]{10}");
    assertThat(stored).doesNotContain(pin).startsWith("pbkdf2-sha256$");
    assertThat(VerbalePin.matches(pin.toLowerCase(), stored)).isTrue();
    assertThat(VerbalePin.matches(pin.substring(0, 5) + " " + pin.substring(5), stored)).isTrue();
    assertThat(VerbalePin.matches("AAAAAAAAAA".equals(pin) ? "BBBBBBBBBB" : "AAAAAAAAAA", stored))
        .isFalse();
    assertThat(VerbalePin.hash(pin)).isNotEqualTo(stored);
  }
}
