package it.ksanctions.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.PersonalArea;
import it.ksanctions.portal.domain.RequestKind;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal's bundle: Italian and English have the same keys and no empty value; every pattern
 * parses; every key the portal's pages and views name exists; every state and kind the pages label
 * and every refusal code of the portal context has its English text.
 */
class PortalMessagesTest {

  static final String ITALIAN = "/it/ksanctions/portal/messages.properties";
  static final String ENGLISH = "/it/ksanctions/portal/messages_en.properties";

  /** An apostrophe MessageFormat would swallow: a single one, not doubled. */
  static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = PortalMessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void italianAndEnglishHaveTheSameKeysAndNoEmptyValue() throws IOException {
    Properties it = load(ITALIAN);
    Properties en = load(ENGLISH);
    assertThat(new TreeSet<>(en.stringPropertyNames()))
        .as("keys of messages_en.properties")
        .isEqualTo(new TreeSet<>(it.stringPropertyNames()));
    assertThat(it.stringPropertyNames()).hasSizeGreaterThan(200);
    for (Properties p : List.of(it, en)) {
      for (String key : p.stringPropertyNames()) {
        assertThat(p.getProperty(key)).as(key).isNotBlank();
      }
    }
  }

  @Test
  void everyPatternParsesAndKeepsItsApostrophes() throws IOException {
    for (String resource : List.of(ITALIAN, ENGLISH)) {
      Properties p = load(resource);
      for (String key : p.stringPropertyNames()) {
        String value = p.getProperty(key);
        if (value.contains("{") || key.startsWith("rule.")) {
          assertThat(LONE_APOSTROPHE.matcher(value).find())
              .as(resource + " " + key + ": a pattern writes an apostrophe as '' or ’")
              .isFalse();
          Object[] arguments = {1L, 2L, 3L};
          assertThat(new MessageFormat(value, Locale.ENGLISH).format(arguments))
              .as(resource + " " + key)
              .doesNotContain("{");
        }
      }
    }
  }

  @Test
  void theItalianBundleIsFoundEvenOnAnEnglishServer() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertThat(PortalLanguage.bundle(Locale.ITALIAN).getString("access.heading"))
          .isEqualTo("Accedi al tuo verbale");
      assertThat(PortalLanguage.bundle(Locale.ENGLISH).getString("access.heading"))
          .isEqualTo("Open your fine");
      // What JSF's resource-bundle does (default fallback): messages_it keeps Italian Italian.
      assertThat(
              java.util.ResourceBundle.getBundle(PortalLanguage.BUNDLE, Locale.ITALIAN)
                  .getString("access.heading"))
          .isEqualTo("Accedi al tuo verbale");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void everyKeyThePortalNamesExists() throws IOException {
    Properties it = load(ITALIAN);
    Set<String> named = new TreeSet<>();
    Pattern inPages =
        Pattern.compile("msg\\['([a-z0-9.-]+)'\\]|portalLanguage\\.format\\d?\\('([a-z0-9.-]+)'");
    Pattern inJava =
        Pattern.compile(
            "(?:text|format\\d?)\\(\\s*\"([a-z0-9.-]*[a-z0-9])\"|\"(spid\\.error\\.[a-z-]+)\"");
    for (Path file : files(Path.of("src/main/webapp/portale"), ".xhtml")) {
      collect(inPages, Files.readString(file), named);
    }
    collect(
        inPages,
        Files.readString(Path.of("src/main/webapp/WEB-INF/templates/portal.xhtml")),
        named);
    for (Path file : files(Path.of("src/main/java/it/ksanctions/portal"), ".java")) {
      collect(inJava, Files.readString(file), named);
    }
    for (String id : List.of("multe", "ricorsi", "rateizzazioni", "autovelox")) {
      named.add("service." + id + ".title");
      named.add("service." + id + ".description");
    }
    assertThat(named).hasSizeGreaterThan(150);
    assertThat(it.stringPropertyNames()).containsAll(named);
  }

  @Test
  void everyLabelledStateAndKindHasItsEnglish() throws IOException {
    Properties en = load(ENGLISH);
    List<Enum<?>> labelled = new ArrayList<>();
    labelled.addAll(List.of(VerbaleStatus.values()));
    labelled.addAll(List.of(PaymentWindowType.values()));
    labelled.addAll(List.of(PersonalArea.Stage.values()));
    labelled.addAll(List.of(InstalmentRequests.Status.values()));
    labelled.addAll(List.of(RequestKind.values()));
    labelled.addAll(List.of(RequestStatus.values()));
    labelled.add(FixedDeviceType.SPEED_CAMERA);
    labelled.add(FixedDeviceType.AVERAGE_SPEED);
    for (Enum<?> value : labelled) {
      assertThat(en.getProperty(PortalLanguage.enumKey(value))).as(value.toString()).isNotBlank();
    }
    assertThat(PortalLanguage.enumKey(InstalmentRequests.Status.APPROVED))
        .isEqualTo("enum.InstalmentRequests.Status.APPROVED");
  }

  /** Every refusal code the portal context's server code uses ("portal.…") has its English. */
  @Test
  void everyRefusalCodeOfThePortalHasItsEnglish() throws IOException {
    Properties en = load(ENGLISH);
    Set<String> codes = new TreeSet<>();
    Pattern code = Pattern.compile("\"(portal\\.[a-z-]+\\.[a-z-]+)\"");
    Path server = Path.of("../ejb/src/main/java/it/ksanctions/portal");
    assertThat(server).isDirectory();
    for (Path file : files(server, ".java")) {
      String source = Files.readString(file);
      if (source.contains("PortalRuleException")) {
        collect(code, source, codes);
      }
    }
    assertThat(codes).contains("portal.driver.name-required", "portal.access.wrong");
    for (String c : codes) {
      assertThat(en.getProperty("rule." + c)).as("rule." + c).isNotBlank();
    }
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          into.add(m.group(g));
        }
      }
    }
  }
}
