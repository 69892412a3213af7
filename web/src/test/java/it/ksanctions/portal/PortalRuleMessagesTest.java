package it.ksanctions.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.ksanctions.portal.domain.AttachmentCheck;
import it.ksanctions.portal.domain.CitizenRequestWorkflow;
import it.ksanctions.portal.domain.InstalmentRules;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.portal.domain.RequestKind;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.portal.domain.RequestTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The English of the server's Italian refusals: the real domain rules refuse, and the citizen reads
 * the same facts (file names, limits, deadlines) in English; a code without English, or an Italian
 * text of an unexpected shape, stays Italian.
 */
class PortalRuleMessagesTest {

  static final ResourceBundle ENGLISH = PortalLanguage.bundle(Locale.ENGLISH);

  static String english(PortalRuleException e) {
    return PortalRuleMessages.english(ENGLISH, e.code(), e.italianMessage());
  }

  @Test
  void anEmptyAttachmentIsToldInEnglishWithItsName() {
    PortalRuleException e =
        catchThrowableOfType(
            () -> AttachmentCheck.checkFile("ricevuta.pdf", 0, new byte[0]),
            PortalRuleException.class);
    assertThat(e.italianMessage()).isEqualTo("Il file «ricevuta.pdf» è vuoto.");
    assertThat(english(e)).isEqualTo("The file “ricevuta.pdf” is empty.");
  }

  @Test
  void aSixthAttachmentIsToldWithTheLimit() {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    List<AttachmentCheck.Checked> six =
        java.util.stream.IntStream.rangeClosed(1, 6)
            .mapToObj(i -> AttachmentCheck.checkFile("f" + i + ".pdf", pdf))
            .toList();
    PortalRuleException e =
        catchThrowableOfType(() -> AttachmentCheck.checkRequest(six), PortalRuleException.class);
    assertThat(english(e))
        .isEqualTo(
            "The file “f6.pdf” cannot be attached: a request may have at most 5 attachments.");
  }

  @Test
  void anElapsedAppealTermKeepsItsDates() {
    LocalDate notified = LocalDate.of(2026, 1, 10);
    PortalRuleException e =
        catchThrowableOfType(
            () ->
                RequestTerms.check(
                    RequestKind.PREFETTO_APPEAL, notified, LocalDate.of(2026, 6, 1), false, false),
            PortalRuleException.class);
    assertThat(e.code()).isEqualTo("portal.appeal.term-elapsed");
    assertThat(english(e))
        .isEqualTo(
            "The deadline for this request expired on 11/03/2026 (60 days from the notification"
                + " of 10/01/2026).");
  }

  @Test
  void aRejectionWithoutReasonIsToldInEnglish() {
    PortalRuleException e =
        catchThrowableOfType(
            () ->
                CitizenRequestWorkflow.move(
                    RequestKind.SELF_PROTECTION,
                    RequestStatus.IN_REVIEW,
                    RequestStatus.REJECTED,
                    " "),
            PortalRuleException.class);
    assertThat(english(e))
        .isEqualTo("To reject the request, give the reason: the citizen will read it.");
  }

  @Test
  void reasonsComposedByTheServerAreToldInEnglishWithTheItalianDetail() {
    PortalRuleException e =
        catchThrowableOfType(
            () ->
                InstalmentRules.check(
                        new BigDecimal("150.00"),
                        new BigDecimal("9000.00"),
                        0,
                        LocalDate.of(2026, 1, 10),
                        LocalDate.of(2026, 1, 12))
                    .requireEligible(),
            PortalRuleException.class);
    assertThat(english(e))
        .startsWith("Payment in instalments is not allowed. Reasons, in Italian: ")
        .contains(e.italianMessage());
  }

  @Test
  void theAttemptsLeftAndTheLockReadBackFromTheItalian() {
    // As PortalAccess words them.
    assertThat(
            PortalRuleMessages.english(
                ENGLISH,
                "portal.access.wrong",
                "Codice fiscale o PIN non corretti. Controllare il PIN stampato sul verbale: ancora"
                    + " 4 tentativi, poi l'accesso sarà sospeso per 30 minuti."))
        .isEqualTo(
            "Wrong tax code or PIN. Check the PIN printed on the fine: 4 more attempts, then"
                + " access will be suspended for 30 minutes.");
    assertThat(
            PortalRuleMessages.english(
                ENGLISH,
                "portal.access.wrong",
                "Codice fiscale o PIN non corretti. Controllare il PIN stampato sul verbale: ancora"
                    + " un tentativo, poi l'accesso sarà sospeso per 30 minuti."))
        .contains("one more attempt,");
    assertThat(
            PortalRuleMessages.english(
                ENGLISH,
                "portal.access.locked",
                "Troppi tentativi non riusciti: per sicurezza l'accesso è sospeso fino alle 17:45."
                    + " Se il PIN è andato perso, chiederne uno nuovo (\"chiedi un nuovo PIN\")."))
        .startsWith("Too many failed attempts: for security, access is suspended until 17:45");
  }

  @Test
  void withoutEnglishOrWithAnUnexpectedShapeTheItalianStays() {
    assertThat(PortalRuleMessages.english(ENGLISH, "portal.unknown.code", "Testo italiano."))
        .isEqualTo("Testo italiano.");
    assertThat(PortalRuleMessages.english(ENGLISH, "portal.attachment.empty", "Altro testo."))
        .isEqualTo("Altro testo.");
    assertThat(PortalRuleMessages.english(ENGLISH, null, "Testo.")).isEqualTo("Testo.");
  }

  @Test
  void amountsFollowTheLanguage() {
    BigDecimal amount = new BigDecimal("1234.56");
    assertThat(PortalLanguage.euroIn(Locale.ITALIAN, amount)).isEqualTo("1.234,56\u00a0€");
    assertThat(PortalLanguage.euroIn(Locale.ENGLISH, amount)).isEqualTo("€1,234.56");
  }

  @Test
  void theSwitchGoesBackOnlyToAPortalPage() {
    assertThat(PortalLanguageServlet.PAGE.matcher("verbale.xhtml?id=5").matches()).isTrue();
    assertThat(PortalLanguageServlet.PAGE.matcher("autovelox.xhtml").matches()).isTrue();
    assertThat(PortalLanguageServlet.PAGE.matcher("//evil.example/x.xhtml").matches()).isFalse();
    assertThat(PortalLanguageServlet.PAGE.matcher("https://evil.example/").matches()).isFalse();
    assertThat(PortalLanguageServlet.PAGE.matcher("../admin/index.xhtml").matches()).isFalse();
    assertThat(PortalLanguage.supported("en")).isTrue();
    assertThat(PortalLanguage.supported("fr")).isFalse();
  }
}
