package it.ksanctions.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transfers of a pagoPA payment option (issue 15 item 6): the sanction split over the act's
 * revenue chapters by their percentages (cents distributed by largest remainder, so they add up
 * exactly), and the fees as a transfer of their own. pagoPA allows at most {@link #MAX} transfers:
 * chapters beyond are folded into the largest, and with five chapters the fees join the first.
 */
public final class Transfers {

  public static final int MAX = 5;

  /** The order of the chapters' transfers: largest share first, then by code. */
  private static final Comparator<Share> ORDER =
      Comparator.comparing(Share::percentage).reversed().thenComparing(Share::chapterCode);

  private Transfers() {}

  /** A chapter's share. */
  public record Share(String chapterCode, BigDecimal percentage) {}

  /** One transfer: its id (1…5), amount in cents, chapter (null for the fees) and remittance. */
  public record Transfer(int id, long amountCents, String chapterCode, String remittance) {}

  /**
   * @param sanctionCents the sanction part of the option
   * @param feeCents the fees part (not split)
   * @param shares the chapters (empty: one transfer for the whole sanction)
   * @param actNumber the act's number, for the remittance text
   */
  public static List<Transfer> of(
      long sanctionCents, long feeCents, List<Share> shares, String actNumber) {
    return build(sanctionCents, feeCents, shares, "Verbale n. " + actNumber);
  }

  /**
   * The transfers of a pre-notice's notice (ADR 0013): as {@link #of}, the remittance naming the
   * pre-notice by its printed code.
   */
  public static List<Transfer> ofPreNotice(
      long sanctionCents, long feeCents, List<Share> shares, String preNoticeCode) {
    return build(sanctionCents, feeCents, shares, "Preavviso " + preNoticeCode);
  }

  /**
   * The sanction's cents per chapter, distributed as {@link #of} distributes them (largest
   * remainder, chapters in the transfers' order), so that the parts add up to the whole: with up to
   * five chapters, what the treasury counts per chapter is what the transfers carried to it.
   */
  public static java.util.Map<String, Long> perChapter(long sanctionCents, List<Share> shares) {
    List<Share> kept = new ArrayList<>(shares);
    kept.sort(ORDER);
    long[] cents = distribute(sanctionCents, kept);
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      out.merge(kept.get(i).chapterCode(), cents[i], Long::sum);
    }
    return out;
  }

  private static List<Transfer> build(
      long sanctionCents, long feeCents, List<Share> shares, String actNumber) {
    List<Share> kept = new ArrayList<>(shares);
    kept.sort(ORDER);
    int room = feeCents > 0 ? MAX - 1 : MAX;
    if (kept.size() > MAX) {
      BigDecimal folded =
          kept.subList(MAX - 1, kept.size()).stream()
              .map(Share::percentage)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      Share first = kept.get(0);
      List<Share> merged = new ArrayList<>(kept.subList(0, MAX));
      merged.set(0, new Share(first.chapterCode(), first.percentage().add(folded)));
      merged.remove(MAX - 1);
      kept = merged;
    }
    boolean feesSeparate = feeCents > 0 && kept.size() <= room;
    List<Transfer> transfers = new ArrayList<>();
    if (kept.isEmpty()) {
      transfers.add(
          new Transfer(
              1,
              sanctionCents + (feesSeparate ? 0 : feeCents),
              null,
              remittance(actNumber, "sanzione")));
    } else {
      long[] cents = distribute(sanctionCents, kept);
      for (int i = 0; i < kept.size(); i++) {
        long amount = cents[i] + (i == 0 && !feesSeparate ? feeCents : 0);
        transfers.add(
            new Transfer(
                i + 1,
                amount,
                kept.get(i).chapterCode(),
                remittance(actNumber, "cap. " + kept.get(i).chapterCode())));
      }
    }
    if (feesSeparate) {
      transfers.add(
          new Transfer(transfers.size() + 1, feeCents, null, remittance(actNumber, "spese")));
    }
    return List.copyOf(transfers);
  }

  private static long[] distribute(long total, List<Share> shares) {
    BigDecimal sum =
        shares.stream().map(Share::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
    long[] cents = new long[shares.size()];
    BigDecimal[] remainders = new BigDecimal[shares.size()];
    long assigned = 0;
    for (int i = 0; i < shares.size(); i++) {
      BigDecimal exact =
          BigDecimal.valueOf(total)
              .multiply(shares.get(i).percentage())
              .divide(sum, 6, RoundingMode.HALF_UP);
      cents[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
      remainders[i] = exact.subtract(BigDecimal.valueOf(cents[i]));
      assigned += cents[i];
    }
    long left = total - assigned;
    Integer[] order = new Integer[shares.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
    for (int k = 0; k < left; k++) {
      cents[order[k % order.length]]++;
    }
    return cents;
  }

  private static String remittance(String reference, String what) {
    String text = reference + " - " + what;
    return text.length() <= 140 ? text : text.substring(0, 140);
  }
}
