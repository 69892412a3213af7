package it.ksanctions.portal;

import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The citizen portal's language (issue 16: "Italian and English"): Italian unless the citizen chose
 * English with the switch in the header ({@link PortalLanguageServlet}); the choice is kept in the
 * HTTP session and in a cookie. The browser's Accept-Language is not consulted: a municipal portal
 * speaks Italian first (ADR 0010, addendum).
 *
 * <p>The portal's own texts come from the bundle {@code it.ksanctions.portal.messages} (also {@code
 * #{msg}} in the pages); what the server says in Italian — rule messages and the labels of states
 * and kinds — is shown as it is in Italian and looked up by its code in English, falling back to
 * the Italian text when the bundle has nothing better ({@link PortalRuleMessages}). Amounts and
 * dates are formatted per language: {@code 1.234,56 €} and {@code 05/03/2026} in Italian, {@code
 * €1,234.56} and {@code 5 Mar 2026} in English.
 */
@Named
@RequestScoped
public class PortalLanguage {

  /** The bundle of the portal's texts (Italian is the base, English {@code _en}). */
  public static final String BUNDLE = "it.ksanctions.portal.messages";

  /** Session attribute with the chosen language ({@code it} or {@code en}). */
  static final String SESSION_ATTRIBUTE = "ksanctions.portal.language";

  /** Cookie with the chosen language, for the next visit. */
  static final String COOKIE = "ks_portal_lang";

  static final Locale ITALIAN = Locale.ITALIAN;
  static final Locale ENGLISH = Locale.ENGLISH;

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter ITALIAN_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter ITALIAN_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter ENGLISH_DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  @Inject CurrentTenant tenant;

  private Locale locale;
  private ResourceBundle bundle;

  /** The language of this request: the session's choice, else the cookie's, else Italian. */
  public Locale getLocale() {
    if (locale == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      locale =
          faces == null
              ? ITALIAN
              : chosen((HttpServletRequest) faces.getExternalContext().getRequest());
    }
    return locale;
  }

  /** {@code it} or {@code en}, for {@code <html lang>}. */
  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public boolean isEnglish() {
    return ENGLISH.getLanguage().equals(getLanguage());
  }

  /** The language a request asks for: {@code it} or {@code en}, anything else is Italian. */
  static Locale parse(String language) {
    return "en".equals(language) ? ENGLISH : ITALIAN;
  }

  /** Whether {@code language} is one the portal speaks. */
  static boolean supported(String language) {
    return "it".equals(language) || "en".equals(language);
  }

  static Locale chosen(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object inSession = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    if (inSession instanceof String s && supported(s)) {
      return parse(s);
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (COOKIE.equals(c.getName()) && supported(c.getValue())) {
          return parse(c.getValue());
        }
      }
    }
    return ITALIAN;
  }

  // ------------------------------------------------------------------ texts

  /** The portal's bundle in this request's language. */
  public ResourceBundle getBundle() {
    if (bundle == null) {
      bundle = bundle(getLocale());
    }
    return bundle;
  }

  /**
   * The bundle for {@code locale}, without falling back to the JVM's default locale (an English
   * server would otherwise answer Italian pages in English).
   */
  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        PortalLanguage.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text of {@code key}. */
  public String text(String key) {
    return getBundle().getString(key);
  }

  /** The text of {@code key} with one argument ({@link MessageFormat}, arguments as text). */
  public String format(String key, Object a) {
    return formatted(key, a);
  }

  public String format2(String key, Object a, Object b) {
    return formatted(key, a, b);
  }

  public String format3(String key, Object a, Object b, Object c) {
    return formatted(key, a, b, c);
  }

  private String formatted(String key, Object... arguments) {
    Object[] texts = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      // Numbers as they are (an act's number 1234 is not "1.234"), null as nothing.
      texts[i] = arguments[i] == null ? "" : String.valueOf(arguments[i]);
    }
    return new MessageFormat(text(key), getLocale()).format(texts);
  }

  /**
   * The label of a state or kind: in Italian the server's {@code italian} label as it is; in
   * English the bundle's {@code enum.<Type>.<CONSTANT>}, else the Italian label.
   */
  public String label(Enum<?> value, String italian) {
    if (value == null || !isEnglish()) {
      return italian;
    }
    String key = enumKey(value);
    return getBundle().containsKey(key) ? getBundle().getString(key) : italian;
  }

  /**
   * {@code enum.<Type>.<CONSTANT>}, the type with its enclosing class when nested ({@code
   * enum.InstalmentRequests.Status.APPROVED}).
   */
  static String enumKey(Enum<?> value) {
    Class<?> type = value.getDeclaringClass();
    String name =
        type.getEnclosingClass() == null
            ? type.getSimpleName()
            : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    return "enum." + name + "." + value.name();
  }

  /**
   * A text the server gives by a code (e.g. a legal fact's category): in Italian {@code italian} as
   * it is; in English the bundle's {@code key}, else the Italian text.
   */
  public String coded(String key, String italian) {
    return isEnglish() && key != null && getBundle().containsKey(key)
        ? getBundle().getString(key)
        : italian;
  }

  /**
   * An annual interest rate: in Italian the server's {@code italian} label ({@code 2,50 %}, "(da
   * confermare)" when the command has not set it); in English {@code 2.50%}, "(to be confirmed)".
   */
  public String rate(BigDecimal rate, boolean configured, String italian) {
    if (!isEnglish() || rate == null) {
      return italian;
    }
    String text = rate.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    return configured ? text : text + " " + text("instalments.rate-to-confirm");
  }

  /** What a citizen reads of a refusal, in this request's language. */
  public String rule(RuleViolation violation) {
    return ruleByCode(violation.code(), violation.italianMessage());
  }

  /** As {@link #rule(RuleViolation)}, for a refusal's code and Italian text. */
  public String ruleByCode(String code, String italian) {
    return isEnglish() ? PortalRuleMessages.english(getBundle(), code, italian) : italian;
  }

  // ------------------------------------------------------------------ formats

  /** An amount in euro: {@code 1.234,56 €} or {@code €1,234.56}; "" for none. */
  public String euro(BigDecimal amount) {
    return amount == null ? "" : euroIn(getLocale(), amount);
  }

  static String euroIn(Locale locale, BigDecimal amount) {
    if (ENGLISH.getLanguage().equals(locale.getLanguage())) {
      NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
      format.setCurrency(Currency.getInstance("EUR"));
      return format.format(amount);
    }
    return NumberFormat.getCurrencyInstance(Locale.ITALY).format(amount);
  }

  /** A day: {@code 05/03/2026} or {@code 5 Mar 2026}; "" for none. */
  public String day(LocalDate day) {
    return day == null ? "" : (isEnglish() ? ENGLISH_DAY : ITALIAN_DAY).format(day);
  }

  /** A moment (an {@link Instant} in Italian time, or a local date-time); "" for none. */
  public String time(Object at) {
    if (at == null) {
      return "";
    }
    TemporalAccessor t = at instanceof Instant i ? i.atZone(ITALY) : (TemporalAccessor) at;
    return (isEnglish() ? ENGLISH_TIME : ITALIAN_TIME).format(t);
  }

  // ------------------------------------------------------------------ the switch

  /** The link that switches this page to Italian. */
  public String getItalianHref() {
    return switchHref("it");
  }

  /** The link that switches this page to English. */
  public String getEnglishHref() {
    return switchHref("en");
  }

  /**
   * {@code <portal>/lingua?l=<language>&back=<this page>}: the page as a bookmark (its view
   * parameters, e.g. {@code verbale.xhtml?id=5}), so the citizen comes back to it.
   */
  private String switchHref(String language) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String base =
        faces.getExternalContext().getRequestContextPath() + tenant.pathPrefix() + "/portale";
    return base
        + "/lingua?l="
        + language
        + "&back="
        + URLEncoder.encode(currentPage(faces), StandardCharsets.UTF_8);
  }

  private static String currentPage(FacesContext faces) {
    if (faces.getViewRoot() == null || faces.getViewRoot().getViewId() == null) {
      return "";
    }
    String viewId = faces.getViewRoot().getViewId();
    String page = viewId.substring(viewId.lastIndexOf('/') + 1);
    StringBuilder query = new StringBuilder();
    for (UIViewParameter p : ViewMetadata.getViewParameters(faces.getViewRoot())) {
      String value = p.getStringValue(faces);
      if (value != null && !value.isEmpty()) {
        query
            .append(query.length() == 0 ? '?' : '&')
            .append(URLEncoder.encode(p.getName(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    return "index.xhtml".equals(page) && query.length() == 0 ? "" : page + query;
  }
}
