package it.ksanctions.sanctions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A block of consecutive verbale numbers reserved to a mobile device for immediate contestation
 * while offline (DEV-4, CMD-4). The numbers come from the command's gapless numbering in one
 * transaction; from then on each is accounted for: {@link BlockNumberStatus#USED} by the pre-notice
 * that carries it, or {@link BlockNumberStatus#ANNULLED} with a reason when the device gives it
 * back unused, so that the register of verbale numbers stays without holes.
 */
public final class NumberBlock {

  public static final int MAX_SIZE = 100;

  /** The counts of a block: how many numbers are used, annulled and still outstanding. */
  public record Report(int size, int used, int annulled, int outstanding) {}

  private final Long id;
  private final String deviceCode;
  private final String officer;
  private final String prefix;
  private final int year;
  private final Instant reservedAt;
  private final Map<String, BlockNumber> numbers = new LinkedHashMap<>();
  private final Set<String> changed = new java.util.LinkedHashSet<>();
  private Instant returnedAt;
  private String returnedBy;
  private String returnReason;

  private NumberBlock(
      Long id,
      String deviceCode,
      String officer,
      String prefix,
      int year,
      Instant reservedAt,
      List<BlockNumber> numbers,
      Instant returnedAt,
      String returnedBy,
      String returnReason) {
    this.id = id;
    this.deviceCode = Objects.requireNonNull(deviceCode, "deviceCode");
    this.officer = Objects.requireNonNull(officer, "officer");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.year = year;
    this.reservedAt = Objects.requireNonNull(reservedAt, "reservedAt");
    numbers.forEach(n -> this.numbers.put(n.text(), n));
    this.returnedAt = returnedAt;
    this.returnedBy = returnedBy;
    this.returnReason = returnReason;
  }

  /** The size a device may ask for: 1 to {@value #MAX_SIZE}. */
  public static int requireValidSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new SanctionsRuleException(SanctionsRule.BLOCK_SIZE_INVALID, String.valueOf(size));
    }
    return size;
  }

  /**
   * A new block of the numbers just allocated, all outstanding.
   *
   * @param texts the printed number of each progressive, in order, without a gap
   */
  public static NumberBlock reserve(
      String deviceCode,
      String officer,
      String prefix,
      int year,
      long firstProgressive,
      List<String> texts,
      Instant at) {
    requireValidSize(texts.size());
    List<BlockNumber> numbers = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      numbers.add(BlockNumber.outstanding(firstProgressive + i, texts.get(i)));
    }
    if (numbers.stream().map(BlockNumber::text).distinct().count() != numbers.size()) {
      throw new IllegalArgumentException("The numbers of a block are distinct");
    }
    return new NumberBlock(null, deviceCode, officer, prefix, year, at, numbers, null, null, null);
  }

  /** A block as stored. */
  public static NumberBlock restore(
      Long id,
      String deviceCode,
      String officer,
      String prefix,
      int year,
      Instant reservedAt,
      List<BlockNumber> numbers,
      Instant returnedAt,
      String returnedBy,
      String returnReason) {
    return new NumberBlock(
        id,
        deviceCode,
        officer,
        prefix,
        year,
        reservedAt,
        numbers,
        returnedAt,
        returnedBy,
        returnReason);
  }

  /**
   * The number {@code text} is used by a pre-notice contested on the spot.
   *
   * @throws SanctionsRuleException when the number is not in this block, already used or annulled
   */
  public BlockNumber use(String text, UUID preNotice, String by, Instant at) {
    BlockNumber number = numbers.get(text);
    if (number == null) {
      throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_UNKNOWN, text);
    }
    switch (number.status()) {
      case USED -> throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_USED, text);
      case ANNULLED -> throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_ANNULLED, text);
      case OUTSTANDING -> {}
    }
    BlockNumber used = number.used(Objects.requireNonNull(preNotice, "preNotice"), by, at);
    numbers.put(text, used);
    changed.add(text);
    return used;
  }

  /**
   * The device gives back unused numbers: each becomes {@link BlockNumberStatus#ANNULLED} with the
   * reason. Numbers already annulled are left as they are (a return sent twice changes nothing).
   *
   * @param texts the numbers given back; null or empty gives back every outstanding one
   * @return the numbers annulled now
   * @throws SanctionsRuleException without a reason, for a number not of this block, or used
   */
  public List<BlockNumber> giveBack(
      Collection<String> texts, String reason, String by, Instant at) {
    if (reason == null || reason.isBlank()) {
      throw new SanctionsRuleException(SanctionsRule.REASON_REQUIRED);
    }
    String why = reason.strip();
    if (why.length() > PreNotice.REASON_MAX) {
      throw new SanctionsRuleException(SanctionsRule.REASON_TOO_LONG);
    }
    Collection<String> wanted =
        texts == null || texts.isEmpty()
            ? numbers.values().stream()
                .filter(n -> n.status() == BlockNumberStatus.OUTSTANDING)
                .map(BlockNumber::text)
                .toList()
            : texts;
    for (String text : wanted) {
      BlockNumber number = numbers.get(text);
      if (number == null) {
        throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_UNKNOWN, text);
      }
      if (number.status() == BlockNumberStatus.USED) {
        throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_USED, text);
      }
    }
    List<BlockNumber> annulled = new ArrayList<>();
    for (String text : wanted) {
      BlockNumber number = numbers.get(text);
      if (number.status() == BlockNumberStatus.OUTSTANDING) {
        BlockNumber done = number.annulled(why, by, at);
        numbers.put(text, done);
        changed.add(text);
        annulled.add(done);
      }
    }
    if (returnedAt == null) {
      returnedAt = at;
      returnedBy = by;
      returnReason = why;
    }
    return annulled;
  }

  public Report report() {
    int used = 0;
    int annulled = 0;
    int outstanding = 0;
    for (BlockNumber n : numbers.values()) {
      switch (n.status()) {
        case USED -> used++;
        case ANNULLED -> annulled++;
        case OUTSTANDING -> outstanding++;
      }
    }
    return new Report(numbers.size(), used, annulled, outstanding);
  }

  public Long id() {
    return id;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String officer() {
    return officer;
  }

  public String prefix() {
    return prefix;
  }

  public int year() {
    return year;
  }

  public Instant reservedAt() {
    return reservedAt;
  }

  public Instant returnedAt() {
    return returnedAt;
  }

  public String returnedBy() {
    return returnedBy;
  }

  public String returnReason() {
    return returnReason;
  }

  /** The numbers by progressive. */
  public List<BlockNumber> numbers() {
    return numbers.values().stream()
        .sorted(java.util.Comparator.comparingLong(BlockNumber::progressive))
        .toList();
  }

  public long firstProgressive() {
    return numbers().get(0).progressive();
  }

  public long lastProgressive() {
    List<BlockNumber> all = numbers();
    return all.get(all.size() - 1).progressive();
  }

  /** The numbers whose status changed since this object was built, to be stored. */
  public List<BlockNumber> changedNumbers() {
    return changed.stream().map(numbers::get).toList();
  }
}
