package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;

import it.ksanctions.command.application.VerbaleNumbering;
import it.ksanctions.command.application.VerbaleNumbering.AllocatedBlock;
import it.ksanctions.command.application.VerbaleNumbering.AllocatedNumber;
import it.ksanctions.devices.application.MobileDeviceGateway;
import it.ksanctions.devices.application.MobileDeviceGateway.DeviceCall;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.domain.BlockNumber;
import it.ksanctions.sanctions.domain.NumberBlock;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.BlockNumberRow;
import it.ksanctions.sanctions.infrastructure.NumberBlockRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Blocks of verbale numbers reserved to a mobile device that contests violations on the spot while
 * offline (CMD-4, DEV-4). The numbers come from the command's gapless numbering ({@link
 * VerbaleNumbering#allocateBlock}) in the transaction that stores the block, refused like any
 * allocation while the command's configuration has serious anomalies. From then on every number is
 * accounted for: a pre-notice uploaded with it marks it used, the device gives back the ones it did
 * not use and each is annulled with the reason — so the register of verbale numbers has no hole.
 *
 * <p>Changes to a block's numbers hold the block's row lock until they commit: a number is never
 * used and annulled at once.
 */
@ApplicationScoped
@Transactional
public class NumberBlocks {

  static final String RESERVE = "NUMBER_BLOCK";
  static final String RETURN = "NUMBER_RETURN";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject MobileDeviceGateway gateway;
  @Inject VerbaleNumbering numbering;
  @Inject AuditRecorder audit;
  @Inject SyncSessions sessions;

  Clock clock = Clock.systemUTC();

  /** A block as the app and the office read it: its numbers and the counts of each status. */
  public record BlockReport(
      long id,
      String deviceCode,
      String officer,
      String prefix,
      int year,
      long firstProgressive,
      long lastProgressive,
      Instant reservedAt,
      Instant returnedAt,
      String returnReason,
      int used,
      int annulled,
      int outstanding,
      List<BlockNumber> numbers) {

    static BlockReport of(NumberBlock block) {
      NumberBlock.Report counts = block.report();
      return new BlockReport(
          block.id(),
          block.deviceCode(),
          block.officer(),
          block.prefix(),
          block.year(),
          block.firstProgressive(),
          block.lastProgressive(),
          block.reservedAt(),
          block.returnedAt(),
          block.returnReason(),
          counts.used(),
          counts.annulled(),
          counts.outstanding(),
          block.numbers());
    }
  }

  /**
   * Reserves {@code size} consecutive numbers to the calling device.
   *
   * @param prefix the numbering prefix; null or blank for the command's default
   * @throws SanctionsRuleException for a size outside 1–100
   * @throws it.ksanctions.command.domain.CommandRuleException while serious anomalies block new
   *     verbali, or for a prefix the numbering refuses
   */
  @Authorized(module = VERBALI, action = CREATE)
  public BlockReport reserve(
      String deviceId, String credential, String appVersion, int size, String prefix) {
    NumberBlock.requireValidSize(size);
    DeviceCall call = gateway.authenticateCall(deviceId, credential, appVersion, RESERVE);
    Instant now = clock.instant();
    AllocatedBlock allocated =
        numbering.allocateBlock(prefix, LocalDate.ofInstant(now, PreNoticeChecks.ITALY), size);
    NumberBlock block =
        NumberBlock.reserve(
            call.deviceCode(),
            call.officer(),
            allocated.prefix(),
            allocated.year(),
            allocated.firstProgressive(),
            allocated.numbers().stream().map(AllocatedNumber::text).toList(),
            now);
    NumberBlockRow row = NumberBlockRow.of(block);
    em.persist(row);
    em.flush();
    block.numbers().forEach(n -> em.persist(BlockNumberRow.of(row.id(), n)));
    sessions.logWithin(call.deviceCode(), call.officer(), RESERVE, now, size, null);
    BlockReport report = BlockReport.of(load(row));
    audit.record(
        VERBALI,
        "Riserva di numeri di verbale per contestazione immediata",
        AuditOperation.CHANGE,
        "blocco "
            + report.id()
            + " ("
            + describe(report)
            + ") al dispositivo "
            + call.deviceCode());
    return report;
  }

  /**
   * The device gives back numbers it did not use: each is annulled with {@code reason}.
   *
   * @param numbers the printed numbers given back; null or empty for every outstanding one
   * @throws SanctionsRuleException for a block of another device, without a reason, or for a number
   *     used or not of the block
   */
  @Authorized(module = VERBALI, action = CREATE)
  public BlockReport giveBack(
      String deviceId,
      String credential,
      String appVersion,
      long blockId,
      List<String> numbers,
      String reason) {
    DeviceCall call = gateway.authenticateCall(deviceId, credential, appVersion, RETURN);
    NumberBlockRow row = lockBlockOf(blockId, call.deviceCode());
    NumberBlock block = load(row);
    Instant now = clock.instant();
    List<BlockNumber> annulled = block.giveBack(numbers, reason, call.officer(), now);
    store(block);
    row.update(block);
    sessions.logWithin(call.deviceCode(), call.officer(), RETURN, now, annulled.size(), null);
    BlockReport report = BlockReport.of(block);
    audit.record(
        VERBALI,
        "Restituzione di numeri di verbale non usati",
        AuditOperation.DELETE,
        "blocco "
            + blockId
            + ": "
            + annulled.size()
            + " numeri annullati ("
            + block.returnReason()
            + ")");
    return report;
  }

  /** The block of the calling device, with its numbers. */
  @Authorized(module = VERBALI, action = CREATE)
  public BlockReport report(String deviceId, String credential, String appVersion, long blockId) {
    DeviceCall call = gateway.authenticateCall(deviceId, credential, appVersion, RESERVE);
    NumberBlockRow row = em.find(NumberBlockRow.class, blockId);
    if (row == null || !row.deviceCode().equals(call.deviceCode())) {
      throw new SanctionsRuleException(SanctionsRule.BLOCK_UNKNOWN, String.valueOf(blockId));
    }
    return BlockReport.of(load(row));
  }

  /**
   * A pre-notice contested on the spot carries the number {@code text}: the number of a block of
   * {@code deviceCode} becomes used. In the caller's transaction, which stores the pre-notice.
   *
   * @throws SanctionsRuleException when no block of the device has the number, or it is used or
   *     annulled
   */
  @Transactional(TxType.MANDATORY)
  public void useNumber(String deviceCode, String text, UUID preNotice, String by, Instant at) {
    List<Long> blockIds =
        em.createQuery(
                "select n.blockId from BlockNumberRow n where n.numberText = :text and n.blockId in"
                    + " (select b.id from NumberBlockRow b where b.deviceCode = :device)"
                    + " order by n.blockId desc",
                Long.class)
            .setParameter("text", text)
            .setParameter("device", deviceCode)
            .setMaxResults(1)
            .getResultList();
    if (blockIds.isEmpty()) {
      throw new SanctionsRuleException(SanctionsRule.BLOCK_NUMBER_UNKNOWN, text);
    }
    NumberBlockRow row = lockBlockOf(blockIds.get(0), deviceCode);
    NumberBlock block = load(row);
    block.use(text, preNotice, by, at);
    store(block);
  }

  private NumberBlockRow lockBlockOf(long blockId, String deviceCode) {
    NumberBlockRow row = em.find(NumberBlockRow.class, blockId, LockModeType.PESSIMISTIC_WRITE);
    if (row == null || !row.deviceCode().equals(deviceCode)) {
      throw new SanctionsRuleException(SanctionsRule.BLOCK_UNKNOWN, String.valueOf(blockId));
    }
    return row;
  }

  private NumberBlock load(NumberBlockRow row) {
    List<BlockNumber> numbers = rows(row.id()).stream().map(BlockNumberRow::toDomain).toList();
    return row.toDomain(numbers);
  }

  private List<BlockNumberRow> rows(long blockId) {
    return em.createQuery(
            "select n from BlockNumberRow n where n.blockId = :id order by n.progressive",
            BlockNumberRow.class)
        .setParameter("id", blockId)
        .getResultList();
  }

  private void store(NumberBlock block) {
    Map<Long, BlockNumberRow> byProgressive =
        rows(block.id()).stream()
            .collect(Collectors.toMap(BlockNumberRow::progressive, Function.identity()));
    for (BlockNumber changed : block.changedNumbers()) {
      byProgressive.get(changed.progressive()).update(changed);
    }
  }

  private static String describe(BlockReport report) {
    List<BlockNumber> numbers = report.numbers();
    return numbers.get(0).text() + " – " + numbers.get(numbers.size() - 1).text();
  }
}
