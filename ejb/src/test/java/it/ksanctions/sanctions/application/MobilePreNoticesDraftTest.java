package it.ksanctions.sanctions.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.devices.application.MobileDeviceGateway.DeviceCall;
import it.ksanctions.sanctions.application.MobilePreNotices.UploadItem;
import it.ksanctions.sanctions.domain.PreNoticeDraft;
import it.ksanctions.sanctions.domain.PreNoticeOrigin;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How an item of the app's batch becomes a draft: every malformed field is that item's refusal. */
class MobilePreNoticesDraftTest {

  static final DeviceCall CALL = new DeviceCall("PALM-01", "agente.neri", "VIABILITA");
  static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
  static final String JPEG =
      Base64.getMimeEncoder()
          .encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5});

  static UploadItem item(String id, String at, String plate, String vehicle, List<String> photos) {
    return new UploadItem(id, at, "VIA-ROMA", "142c8", plate, null, vehicle, "note", null, photos);
  }

  static SanctionsRule ruleOf(Throwable e) {
    return ((SanctionsRuleException) e).rule();
  }

  @Test
  void aWellFormedItemBecomesTheDraftOfTheDevicesOfficer() {
    PreNoticeDraft draft =
        MobilePreNotices.draft(
            item(ID, "2026-11-23T11:15:30+01:00", "ab 123 cd", "car", List.of(JPEG)), CALL);
    assertThat(draft.id()).isEqualTo(UUID.fromString(ID));
    assertThat(draft.origin()).isEqualTo(PreNoticeOrigin.MOBILE);
    assertThat(draft.violationAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
    assertThat(draft.plate().number()).isEqualTo("AB123CD");
    assertThat(draft.vehicleType()).isEqualTo(VehicleType.CAR);
    assertThat(draft.officer()).isEqualTo("agente.neri");
    assertThat(draft.department()).isEqualTo("VIABILITA");
    assertThat(draft.deviceCode()).isEqualTo("PALM-01");
    assertThat(draft.photos()).singleElement().satisfies(p -> assertThat(p.size()).isEqualTo(9));
  }

  @Test
  void malformedFieldsAreRefusedWithTheirRule() {
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(
                    item("42", "2026-11-23T10:15:30Z", "AB123CD", "CAR", null), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.ID_REQUIRED);
    assertThatThrownBy(
            () -> MobilePreNotices.draft(item(ID, "ieri alle 10", "AB123CD", "CAR", null), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.VIOLATION_TIME_INVALID);
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(
                    item(ID, "2026-11-23T10:15:30Z", "AB123CD", "ASTRONAVE", null), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.VEHICLE_TYPE_REQUIRED);
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(
                    item(ID, "2026-11-23T10:15:30Z", "AB123CD", "CAR", List.of("%%%")), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.PHOTO_ENCODING);
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(
                    item(ID, "2026-11-23T10:15:30Z", "AB123CD", "CAR", List.of("", "")), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.PHOTO_EMPTY);
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(
                    item(
                        ID,
                        "2026-11-23T10:15:30Z",
                        "AB123CD",
                        "CAR",
                        java.util.Collections.nCopies(7, JPEG)),
                    CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.TOO_MANY_PHOTOS);
    assertThatThrownBy(
            () ->
                MobilePreNotices.draft(item(ID, "2026-11-23T10:15:30Z", "AB12", "CAR", null), CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.PLATE_INVALID);
    assertThatThrownBy(() -> MobilePreNotices.draft(null, CALL))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.ID_REQUIRED);
  }

  @Test
  void aRuleIsFoundBehindWrappers() {
    SanctionsRuleException rule = new SanctionsRuleException(SanctionsRule.NOT_STORED);
    assertThat(MobilePreNotices.ruleIn(new RuntimeException(new IllegalStateException(rule))))
        .containsSame(rule);
    assertThat(MobilePreNotices.ruleIn(new RuntimeException("no rule"))).isEmpty();
  }

  @Test
  void aBatchIsOneToAThousandItemsAndALargerOneIsRefusedWholeBeforeAnyDeviceCheck() {
    MobilePreNotices upload = new MobilePreNotices(); // no gateway: refused before calling it
    List<UploadItem> tooMany =
        java.util.Collections.nCopies(
            MobilePreNotices.MAX_BATCH + 1,
            item(ID, "2026-11-23T11:15:30+01:00", "AB123CD", "car", List.of()));
    assertThatThrownBy(() -> upload.upload("356938035643809", "x", "1.0", tooMany, 0))
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).italianMessage())
        .asString()
        .contains("supera i 1000 preavvisi");
    assertThatThrownBy(() -> upload.upload("356938035643809", "x", "1.0", List.of(), 0))
        .extracting(MobilePreNoticesDraftTest::ruleOf)
        .isEqualTo(SanctionsRule.BATCH_EMPTY);
    assertThat(MobilePreNotices.MAX_BATCH).isEqualTo(1_000);
  }
}
