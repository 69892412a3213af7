package it.ksanctions.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.payments.domain.Transfers.Share;
import it.ksanctions.payments.domain.Transfers.Transfer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransfersTest {

  static long sum(List<Transfer> transfers) {
    return transfers.stream().mapToLong(Transfer::amountCents).sum();
  }

  @Test
  void theSanctionIsSplitByPercentagesExactlyAndTheFeesGoApart() {
    List<Transfer> t =
        Transfers.of(
            10001,
            1500,
            List.of(
                new Share("A", new BigDecimal("33.33")),
                new Share("B", new BigDecimal("33.33")),
                new Share("C", new BigDecimal("33.34"))),
            "2026/1");
    assertThat(t).hasSize(4);
    assertThat(sum(t)).isEqualTo(11501);
    assertThat(t.get(3).chapterCode()).isNull();
    assertThat(t.get(3).amountCents()).isEqualTo(1500);
    assertThat(t.get(0).remittance()).isEqualTo("Verbale n. 2026/1 - cap. C");
    assertThat(t).extracting(Transfer::id).containsExactly(1, 2, 3, 4);
  }

  @Test
  void withoutChaptersOneTransferCarriesTheSanction() {
    List<Transfer> t = Transfers.of(4220, 0, List.of(), "X");
    assertThat(t).singleElement().satisfies(x -> assertThat(x.amountCents()).isEqualTo(4220));
  }

  @Test
  void neverMoreThanFiveTransfers() {
    List<Share> six =
        List.of(
            new Share("A", new BigDecimal("20")),
            new Share("B", new BigDecimal("20")),
            new Share("C", new BigDecimal("20")),
            new Share("D", new BigDecimal("20")),
            new Share("E", new BigDecimal("10")),
            new Share("F", new BigDecimal("10")));
    List<Transfer> withFees = Transfers.of(10000, 700, six, "X");
    assertThat(withFees).hasSizeLessThanOrEqualTo(Transfers.MAX);
    assertThat(sum(withFees)).isEqualTo(10700);
    List<Share> five = six.subList(0, 5);
    List<Transfer> folded = Transfers.of(10000, 700, five, "X");
    assertThat(folded).hasSize(5);
    assertThat(sum(folded)).isEqualTo(10700);
  }
}
