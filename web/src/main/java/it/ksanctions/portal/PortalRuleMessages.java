package it.ksanctions.portal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English text of a refusal of the portal's rules (a {@code RuleViolation}: a stable code and
 * an Italian message the server writes). The bundle's {@code rule.<code>} is a {@link
 * MessageFormat} pattern; where the Italian message names facts (a file name, the attempts left,
 * the time a lock ends, a deadline) they are read back from it with the code's pattern here, so the
 * server keeps speaking Italian only. When the bundle has no text for the code, or the Italian text
 * does not have the expected shape, the Italian text is shown as it is: never a wrong English
 * sentence.
 */
final class PortalRuleMessages {

  /** The facts of an Italian message, in the order of the English pattern's arguments. */
  static final Map<String, Pattern> FACTS =
      Map.ofEntries(
          Map.entry("portal.access.tax-code-invalid", facts("^Il codice fiscale (\\S+) non")),
          Map.entry("portal.access.wrong", facts("ancora (un|\\d+) tentativ")),
          Map.entry("portal.access.locked", facts("fino alle (\\d{1,2}:\\d{2})")),
          Map.entry("portal.pre-notice.locked", facts("fino alle (\\d{1,2}:\\d{2})")),
          Map.entry("portal.attachment.empty", facts("«(.*?)»")),
          Map.entry("portal.attachment.too-large", facts("«(.*?)» pesa (.+?): ogni")),
          Map.entry("portal.attachment.type-not-allowed", facts("«(.*?)»")),
          Map.entry("portal.attachment.extension-mismatch", facts("«(.*?)»")),
          Map.entry("portal.attachment.too-many", facts("«(.*?)».*al massimo (\\d+) allegati")),
          Map.entry("portal.attachment.request-too-large", facts("«(.*?)».*si arriva a (.+?)\\.$")),
          Map.entry("portal.plates.not-owner", facts("^La targa (\\S+) non")),
          Map.entry("portal.request.body-too-long", facts("supera (\\d+) caratteri")),
          Map.entry("portal.request.reason-too-long", facts("al massimo (\\d+) caratteri")),
          Map.entry("portal.instalments.decided", facts("n\\. (\\d+)")),
          Map.entry(
              "portal.appeal.term-elapsed",
              facts("scaduto il (\\S+) \\((\\d+) giorni dalla notifica del (\\S+)\\)")),
          Map.entry(
              "portal.driver.term-elapsed",
              facts("scaduto il (\\S+) \\((\\d+) giorni dalla notifica del (\\S+)\\)")),
          // Reasons the server composes from many parts: told in English, detailed in Italian.
          Map.entry("portal.instalments.blocked", whole()),
          Map.entry("portal.instalments.not-eligible", whole()),
          Map.entry("portal.instalments.invalid-input", whole()),
          Map.entry("portal.instalments.act-closed", whole()),
          Map.entry("portal.instalments.decision-term-over", whole()),
          Map.entry("portal.driver.invalid", whole()),
          Map.entry("portal.pay.checkout", whole()),
          Map.entry("portal.request.illegal-transition", whole()));

  private PortalRuleMessages() {}

  /** The English text of the refusal {@code code}, else {@code italian} as it is. */
  static String english(ResourceBundle english, String code, String italian) {
    String key = "rule." + code;
    if (code == null || italian == null || !english.containsKey(key)) {
      return italian;
    }
    Object[] arguments = new Object[0];
    Pattern facts = FACTS.get(code);
    if (facts != null) {
      Matcher m = facts.matcher(italian);
      if (!m.find()) {
        return italian;
      }
      arguments = new Object[m.groupCount()];
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = fact(m.group(i + 1));
      }
    }
    try {
      return new MessageFormat(english.getString(key), Locale.ENGLISH).format(arguments);
    } catch (IllegalArgumentException e) {
      return italian;
    }
  }

  /** A number as a number (for plurals; "un" is one), anything else as text. */
  private static Object fact(String text) {
    if (text == null) {
      return "";
    }
    if ("un".equals(text)) {
      return 1L;
    }
    return text.matches("\\d{1,9}") ? (Object) Long.valueOf(text) : text;
  }

  private static Pattern facts(String regex) {
    return Pattern.compile(regex, Pattern.DOTALL);
  }

  private static Pattern whole() {
    return Pattern.compile("^(.+)$", Pattern.DOTALL);
  }
}
