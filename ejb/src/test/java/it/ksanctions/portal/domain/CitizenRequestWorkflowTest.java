package it.ksanctions.portal.domain;

import static it.ksanctions.portal.domain.RequestKind.JUSTICE_OF_PEACE_APPEAL;
import static it.ksanctions.portal.domain.RequestKind.PREFETTO_APPEAL;
import static it.ksanctions.portal.domain.RequestKind.SELF_PROTECTION;
import static it.ksanctions.portal.domain.RequestKind.WRONG_PLATE;
import static it.ksanctions.portal.domain.RequestStatus.ACCEPTED;
import static it.ksanctions.portal.domain.RequestStatus.DISMISSED;
import static it.ksanctions.portal.domain.RequestStatus.FORWARDED_TO_PREFETTO;
import static it.ksanctions.portal.domain.RequestStatus.IN_REVIEW;
import static it.ksanctions.portal.domain.RequestStatus.RECEIVED;
import static it.ksanctions.portal.domain.RequestStatus.REGISTERED;
import static it.ksanctions.portal.domain.RequestStatus.REJECTED;
import static it.ksanctions.portal.domain.RequestStatus.UPHELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.RuleViolation.Kind;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenRequestWorkflowTest {

  @Test
  void aJusticeOfPeaceAppealStartsRegisteredEveryOtherRequestReceived() {
    for (RequestKind kind : RequestKind.values()) {
      assertThat(CitizenRequestWorkflow.initialStatus(kind))
          .isEqualTo(kind == JUSTICE_OF_PEACE_APPEAL ? REGISTERED : RECEIVED);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestKind.class,
      names = {
        "SELF_PROTECTION",
        "DRIVER_IDENTIFICATION",
        "OWNERSHIP_CHANGE",
        "WRONG_PLATE",
        "OTHER_COMMUNICATION"
      })
  void anOrdinaryRequestIsReviewedThenAcceptedOrRejected(RequestKind kind) {
    assertThat(allowedMoves(kind))
        .containsExactlyInAnyOrder(
            List.of(RECEIVED, IN_REVIEW),
            List.of(IN_REVIEW, ACCEPTED),
            List.of(IN_REVIEW, REJECTED));
  }

  @Test
  void aPrefettoAppealIsForwardedAndThePrefettoDecides() {
    assertThat(allowedMoves(PREFETTO_APPEAL))
        .containsExactlyInAnyOrder(
            List.of(RECEIVED, IN_REVIEW),
            List.of(IN_REVIEW, ACCEPTED),
            List.of(IN_REVIEW, FORWARDED_TO_PREFETTO),
            List.of(FORWARDED_TO_PREFETTO, UPHELD),
            List.of(FORWARDED_TO_PREFETTO, DISMISSED));

    RequestStatus status = CitizenRequestWorkflow.initialStatus(PREFETTO_APPEAL);
    status = CitizenRequestWorkflow.move(PREFETTO_APPEAL, status, IN_REVIEW, null);
    status = CitizenRequestWorkflow.move(PREFETTO_APPEAL, status, FORWARDED_TO_PREFETTO, null);
    assertThat(CitizenRequestWorkflow.move(PREFETTO_APPEAL, status, DISMISSED, null))
        .isEqualTo(DISMISSED);
    assertThat(CitizenRequestWorkflow.move(PREFETTO_APPEAL, status, UPHELD, "")).isEqualTo(UPHELD);
  }

  @Test
  void theOfficeOnlyRecordsTheJudgmentOfTheGiudiceDiPace() {
    assertThat(allowedMoves(JUSTICE_OF_PEACE_APPEAL))
        .containsExactlyInAnyOrder(List.of(REGISTERED, UPHELD), List.of(REGISTERED, DISMISSED));
    assertThat(CitizenRequestWorkflow.move(JUSTICE_OF_PEACE_APPEAL, REGISTERED, UPHELD, null))
        .isEqualTo(UPHELD);
  }

  @Test
  void theCommandCannotRejectAPrefettoAppealItMustForwardIt() {
    assertThatThrownBy(
            () -> CitizenRequestWorkflow.move(PREFETTO_APPEAL, IN_REVIEW, REJECTED, "Tardivo"))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.request.illegal-transition");
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.italianMessage())
                  .contains("non può respingere un ricorso al Prefetto")
                  .contains("60 giorni");
            });
  }

  @Test
  void onlyAPrefettoAppealIsForwardedToThePrefetto() {
    assertThatThrownBy(
            () ->
                CitizenRequestWorkflow.move(
                    SELF_PROTECTION, IN_REVIEW, FORWARDED_TO_PREFETTO, null))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.request.illegal-transition");
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "La richiesta \"Istanza di annullamento in autotutela\" non può passare dallo"
                          + " stato \"In esame\" allo stato \"Trasmesso al Prefetto\". Stati"
                          + " possibili: \"Accolta\", \"Respinta\".");
            });
  }

  @Test
  void aRequestIsReviewedBeforeTheDecision() {
    assertThatThrownBy(() -> CitizenRequestWorkflow.move(WRONG_PLATE, RECEIVED, ACCEPTED, null))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.request.illegal-transition"));
  }

  @Test
  void thePrefettoDecidesOnlyAForwardedAppeal() {
    assertThatThrownBy(() -> CitizenRequestWorkflow.move(PREFETTO_APPEAL, IN_REVIEW, UPHELD, null))
        .isInstanceOf(PortalRuleException.class);
  }

  @Test
  void aJusticeOfPeaceAppealIsNotReviewedByTheCommand() {
    assertThatThrownBy(
            () -> CitizenRequestWorkflow.move(JUSTICE_OF_PEACE_APPEAL, REGISTERED, IN_REVIEW, null))
        .isInstanceOf(PortalRuleException.class);
    assertThatThrownBy(
            () -> CitizenRequestWorkflow.move(JUSTICE_OF_PEACE_APPEAL, RECEIVED, IN_REVIEW, null))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e ->
                assertThat(e.italianMessage())
                    .endsWith("da questo stato non sono possibili altri passaggi."));
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestStatus.class,
      names = {"ACCEPTED", "REJECTED", "UPHELD", "DISMISSED"})
  void aConcludedRequestDoesNotMove(RequestStatus done) {
    assertThat(done.isFinal()).isTrue();
    for (RequestKind kind : RequestKind.values()) {
      assertThat(CitizenRequestWorkflow.nextStatuses(kind, done)).isEmpty();
    }
    assertThatThrownBy(() -> CitizenRequestWorkflow.move(PREFETTO_APPEAL, done, IN_REVIEW, null))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.italianMessage()).endsWith("la richiesta è già conclusa."));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void aRejectionNeedsAReason(String reason) {
    assertThatThrownBy(() -> CitizenRequestWorkflow.move(WRONG_PLATE, IN_REVIEW, REJECTED, reason))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.request.reason-required");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.italianMessage()).contains("motivazione");
            });
  }

  @Test
  void aRejectionWithAReasonIsAllowed() {
    assertThat(
            CitizenRequestWorkflow.move(
                WRONG_PLATE, IN_REVIEW, REJECTED, "La targa corrisponde alle foto."))
        .isEqualTo(REJECTED);
  }

  @Test
  void aReasonHasAtMost1000Characters() {
    assertThat(CitizenRequestWorkflow.move(WRONG_PLATE, IN_REVIEW, REJECTED, "x".repeat(1000)))
        .isEqualTo(REJECTED);
    assertThatThrownBy(
            () -> CitizenRequestWorkflow.move(WRONG_PLATE, IN_REVIEW, REJECTED, "x".repeat(1001)))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.request.reason-too-long"));
  }

  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void everyStatusHasAnItalianLabelAndEmailSentence(RequestStatus status) {
    assertThat(status.label()).isNotBlank().isNotEqualTo(status.name());
    assertThat(status.citizenEmailSentence()).isNotBlank().endsWith(".");
  }

  @Test
  void canMoveAgreesWithNextStatuses() {
    assertThat(CitizenRequestWorkflow.canMove(PREFETTO_APPEAL, IN_REVIEW, FORWARDED_TO_PREFETTO))
        .isTrue();
    assertThat(CitizenRequestWorkflow.canMove(PREFETTO_APPEAL, IN_REVIEW, REJECTED)).isFalse();
    assertThat(CitizenRequestWorkflow.nextStatuses(WRONG_PLATE, IN_REVIEW))
        .isEqualTo(EnumSet.of(ACCEPTED, REJECTED));
  }

  private static Set<List<RequestStatus>> allowedMoves(RequestKind kind) {
    Set<List<RequestStatus>> moves = new HashSet<>();
    for (RequestStatus from : RequestStatus.values()) {
      for (RequestStatus to : RequestStatus.values()) {
        if (CitizenRequestWorkflow.canMove(kind, from, to)) {
          moves.add(List.of(from, to));
        }
      }
    }
    return moves;
  }
}
