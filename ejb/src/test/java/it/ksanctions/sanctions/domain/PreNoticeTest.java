package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.permissions.domain.RecordOwnership;
import it.ksanctions.permissions.domain.VisibilityScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PreNoticeTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  static PreNoticeDraft draft(Instant at, String place, String article, List<Photo> photos) {
    return new PreNoticeDraft(
        ID,
        PreNoticeOrigin.MOBILE,
        at,
        place,
        article,
        Plate.of("AB123CD", "IT"),
        VehicleType.CAR,
        "agente.neri",
        "VIABILITA",
        " Sosta su stallo disabili ",
        photos,
        "PALM-01",
        null);
  }

  static PreNotice recorded() {
    return PreNotice.record(
        draft(NOW.minusSeconds(3600), " via-roma ", "142 C8", List.of()), "agente.neri", NOW);
  }

  static void refused(ThrowingCallable call, SanctionsRule rule) {
    assertThatThrownBy(call)
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(rule);
  }

  @Nested
  class Recording {

    @Test
    void aDraftBecomesARecordedPreNoticeWithCanonicalCodes() {
      PreNotice p = recorded();
      assertThat(p.id()).isEqualTo(ID);
      assertThat(p.status()).isEqualTo(PreNoticeStatus.RECORDED);
      assertThat(p.placeCode()).isEqualTo("VIA-ROMA");
      assertThat(p.articleCode()).isEqualTo("142c8");
      assertThat(p.notes()).isEqualTo("Sosta su stallo disabili");
      assertThat(p.recordedAt()).isEqualTo(NOW);
      assertThat(p.recordedBy()).isEqualTo("agente.neri");
      assertThat(p.ownership()).isEqualTo(new RecordOwnership("agente.neri", "VIABILITA"));
      assertThat(p.corrections()).isEmpty();
    }

    @Test
    void aDeviceClockAFewMinutesAheadIsTolerated() {
      PreNotice p =
          PreNotice.record(
              draft(NOW.plus(PreNotice.CLOCK_SKEW), "VIA-ROMA", "142c8", List.of()), "a", NOW);
      assertThat(p.violationAt()).isEqualTo(NOW.plus(PreNotice.CLOCK_SKEW));
      refused(
          () ->
              PreNotice.record(
                  draft(
                      NOW.plus(PreNotice.CLOCK_SKEW).plus(Duration.ofSeconds(1)),
                      "VIA-ROMA",
                      "142c8",
                      List.of()),
                  "a",
                  NOW),
          SanctionsRule.VIOLATION_IN_FUTURE);
    }

    @Test
    void requiredDataIsChecked() {
      refused(
          () -> PreNotice.record(draft(null, "VIA-ROMA", "142c8", List.of()), "a", NOW),
          SanctionsRule.VIOLATION_TIME_REQUIRED);
      refused(
          () -> PreNotice.record(draft(NOW, " ", "142c8", List.of()), "a", NOW),
          SanctionsRule.PLACE_REQUIRED);
      refused(
          () -> PreNotice.record(draft(NOW, "via roma", "142c8", List.of()), "a", NOW),
          SanctionsRule.PLACE_INVALID);
      refused(
          () -> PreNotice.record(draft(NOW, "VIA-ROMA", null, List.of()), "a", NOW),
          SanctionsRule.ARTICLE_REQUIRED);
      refused(
          () -> PreNotice.record(draft(NOW, "VIA-ROMA", "§ 142", List.of()), "a", NOW),
          SanctionsRule.ARTICLE_INVALID);
      PreNoticeDraft d = draft(NOW, "VIA-ROMA", "142c8", List.of());
      refused(
          () ->
              PreNotice.record(
                  new PreNoticeDraft(
                      null,
                      d.origin(),
                      d.violationAt(),
                      d.placeCode(),
                      d.articleCode(),
                      d.plate(),
                      d.vehicleType(),
                      d.officer(),
                      d.department(),
                      d.notes(),
                      d.photos(),
                      d.deviceCode(),
                      d.verbaleNumber()),
                  "a",
                  NOW),
          SanctionsRule.ID_REQUIRED);
      refused(
          () ->
              PreNotice.record(
                  new PreNoticeDraft(
                      d.id(),
                      d.origin(),
                      d.violationAt(),
                      d.placeCode(),
                      d.articleCode(),
                      null,
                      d.vehicleType(),
                      d.officer(),
                      d.department(),
                      d.notes(),
                      d.photos(),
                      d.deviceCode(),
                      d.verbaleNumber()),
                  "a",
                  NOW),
          SanctionsRule.PLATE_REQUIRED);
      refused(
          () ->
              PreNotice.record(
                  new PreNoticeDraft(
                      d.id(),
                      d.origin(),
                      d.violationAt(),
                      d.placeCode(),
                      d.articleCode(),
                      d.plate(),
                      null,
                      d.officer(),
                      d.department(),
                      d.notes(),
                      d.photos(),
                      d.deviceCode(),
                      d.verbaleNumber()),
                  "a",
                  NOW),
          SanctionsRule.VEHICLE_TYPE_REQUIRED);
      refused(
          () ->
              PreNotice.record(
                  new PreNoticeDraft(
                      d.id(),
                      d.origin(),
                      d.violationAt(),
                      d.placeCode(),
                      d.articleCode(),
                      d.plate(),
                      d.vehicleType(),
                      " ",
                      d.department(),
                      d.notes(),
                      d.photos(),
                      d.deviceCode(),
                      d.verbaleNumber()),
                  "a",
                  NOW),
          SanctionsRule.OFFICER_REQUIRED);
      refused(
          () ->
              PreNotice.record(
                  new PreNoticeDraft(
                      d.id(),
                      d.origin(),
                      d.violationAt(),
                      d.placeCode(),
                      d.articleCode(),
                      d.plate(),
                      d.vehicleType(),
                      d.officer(),
                      d.department(),
                      "x".repeat(PreNotice.NOTES_MAX + 1),
                      d.photos(),
                      d.deviceCode(),
                      d.verbaleNumber()),
                  "a",
                  NOW),
          SanctionsRule.NOTES_TOO_LONG);
    }

    @Test
    void atMostSixPhotos() {
      Photo photo = Photo.of(PhotoTest.JPEG);
      PreNotice six =
          PreNotice.record(
              draft(NOW, "VIA-ROMA", "142c8", Collections.nCopies(6, photo)), "a", NOW);
      assertThat(six.photoCount()).isEqualTo(6);
      refused(
          () ->
              PreNotice.record(
                  draft(NOW, "VIA-ROMA", "142c8", Collections.nCopies(7, photo)), "a", NOW),
          SanctionsRule.TOO_MANY_PHOTOS);
    }
  }

  @Nested
  class LifeCycle {

    @Test
    void validatedOnceAndThenFrozen() {
      PreNotice p = recorded();
      p.validate("istr.rossi", NOW);
      assertThat(p.status()).isEqualTo(PreNoticeStatus.VALIDATED);
      assertThat(p.reviewedBy()).isEqualTo("istr.rossi");
      refused(() -> p.validate("istr.rossi", NOW), SanctionsRule.NOT_RECORDED);
      refused(() -> p.archive("Targa illeggibile", "istr.rossi", NOW), SanctionsRule.NOT_RECORDED);
      refused(
          () -> p.correctPlate(Plate.of("AB124CD", null), "Errore", "istr.rossi", NOW),
          SanctionsRule.NOT_RECORDED);
    }

    @Test
    void archivedWithAReasonAndRestoredOnlyByAManager() {
      PreNotice p = recorded();
      refused(() -> p.archive("  ", "istr.rossi", NOW), SanctionsRule.REASON_REQUIRED);
      refused(
          () -> p.archive("x".repeat(PreNotice.REASON_MAX + 1), "istr.rossi", NOW),
          SanctionsRule.REASON_TOO_LONG);
      refused(
          () -> p.restore("resp.bruni", NOW, VisibilityScope.WHOLE_COMMAND),
          SanctionsRule.NOT_ARCHIVED);
      p.archive(" Veicolo in emergenza ", "istr.rossi", NOW);
      assertThat(p.status()).isEqualTo(PreNoticeStatus.ARCHIVED);
      assertThat(p.archiveReason()).isEqualTo("Veicolo in emergenza");
      refused(() -> p.validate("istr.rossi", NOW), SanctionsRule.NOT_RECORDED);
      for (VisibilityScope scope :
          Arrays.asList(
              VisibilityScope.OWN_RECORDS,
              VisibilityScope.OWN_DEPARTMENT,
              VisibilityScope.READ_ONLY_NO_EXPORT)) {
        refused(() -> p.restore("istr.rossi", NOW, scope), SanctionsRule.RESTORE_MANAGERS_ONLY);
      }
      p.restore("resp.bruni", NOW.plusSeconds(60), VisibilityScope.WHOLE_COMMAND);
      assertThat(p.status()).isEqualTo(PreNoticeStatus.RECORDED);
      assertThat(p.restoredBy()).isEqualTo("resp.bruni");
      assertThat(p.archiveReason()).isEqualTo("Veicolo in emergenza");
      p.validate("istr.rossi", NOW.plusSeconds(120));
      assertThat(p.status()).isEqualTo(PreNoticeStatus.VALIDATED);
    }

    @Test
    void plateCorrectionsKeepTheOldPlateTheReasonAndTheAuthor() {
      PreNotice p = recorded();
      refused(
          () -> p.correctPlate(Plate.of("ab 123 cd", null), "Stessa", "istr.rossi", NOW),
          SanctionsRule.PLATE_UNCHANGED);
      refused(
          () -> p.correctPlate(Plate.of("AB128CD", null), null, "istr.rossi", NOW),
          SanctionsRule.REASON_REQUIRED);
      PlateCorrection c =
          p.correctPlate(Plate.of("AB128CD", null), "Cifra letta male", "istr.rossi", NOW);
      assertThat(c.oldPlate().number()).isEqualTo("AB123CD");
      assertThat(c.newPlate().number()).isEqualTo("AB128CD");
      assertThat(p.plate().number()).isEqualTo("AB128CD");
      p.correctPlate(Plate.of("AB128CD", "FR"), "Veicolo francese", "istr.rossi", NOW);
      assertThat(p.corrections()).hasSize(2);
      assertThat(p.newCorrections())
          .extracting(PlateCorrection::reason)
          .containsExactly("Cifra letta male", "Veicolo francese");
    }
  }

  @Test
  void everyRuleHasAUniqueCodeAndAnItalianMessage() {
    assertThat(Arrays.stream(SanctionsRule.values()).map(SanctionsRule::code))
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("sanctions\\.[a-z.-]+"));
    assertThat(SanctionsRule.values()).allSatisfy(r -> assertThat(r.italianMessage()).isNotBlank());
    SanctionsRuleException e = new SanctionsRuleException(SanctionsRule.PLATE_INVALID, "A1");
    assertThat(e.getMessage()).isEqualTo("sanctions.plate.invalid: A1");
    assertThat(e.code()).isEqualTo("sanctions.plate.invalid");
    assertThat(e.kind()).isEqualTo(it.ksanctions.shared.RuleViolation.Kind.INVALID_INPUT);
    assertThat(new SanctionsRuleException(SanctionsRule.NOT_RECORDED).kind())
        .isEqualTo(it.ksanctions.shared.RuleViolation.Kind.CONFLICT);
    assertThat(PreNoticeStatus.values()).allSatisfy(s -> assertThat(s.italianLabel()).isNotBlank());
    assertThat(VehicleType.values()).allSatisfy(s -> assertThat(s.italianLabel()).isNotBlank());
    assertThat(PreNoticeOrigin.values()).allSatisfy(s -> assertThat(s.italianLabel()).isNotBlank());
  }
}
