package it.ksanctions.notifications.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The certification data ({@code daticert.xml}) a PEC provider attaches to each receipt it sends
 * back to the sender (technical rules of the PEC, DM 2 November 2005): the receipt's type ({@code
 * <postacert tipo="accettazione|avvenuta-consegna|errore-consegna|…">}), the original message's
 * Message-ID ({@code <dati><msgid>}), when ({@code <data zona="+0100"><giorno>dd/mm/yyyy</giorno>
 * <ora>hh:mm:ss</ora></data>}), the recipient it concerns ({@code <consegna>}, delivery receipts
 * only) and, for a failed delivery, the provider's reason ({@code <errore-esteso>}).
 *
 * <p>Parsed without resolving any external entity or DTD (the providers' files declare {@code
 * postacert.dtd}, which is not fetched).
 */
public record DaticertReceipt(
    Type type,
    String messageId,
    OffsetDateTime at,
    String recipient,
    String sender,
    String subject,
    String error) {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** The receipt types of the technical rules ({@code tipo} attribute). */
  public enum Type {
    ACCETTAZIONE("accettazione"),
    NON_ACCETTAZIONE("non-accettazione"),
    PRESA_IN_CARICO("presa-in-carico"),
    AVVENUTA_CONSEGNA("avvenuta-consegna"),
    ERRORE_CONSEGNA("errore-consegna"),
    PREAVVISO_ERRORE_CONSEGNA("preavviso-errore-consegna"),
    RILEVAZIONE_VIRUS("rilevazione-virus"),
    POSTA_CERTIFICATA("posta-certificata");

    private final String code;

    Type(String code) {
      this.code = code;
    }

    /** The value of the {@code tipo} attribute. */
    public String code() {
      return code;
    }

    public static Optional<Type> ofCode(String code) {
      return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** Whether the message did not reach (or will not reach) the recipient. */
    public boolean failure() {
      return this == NON_ACCETTAZIONE
          || this == ERRORE_CONSEGNA
          || this == PREAVVISO_ERRORE_CONSEGNA
          || this == RILEVAZIONE_VIRUS;
    }
  }

  /**
   * Reads a {@code daticert.xml}.
   *
   * @throws IllegalArgumentException when it is not well-formed, is not a {@code postacert}, or
   *     lacks its type, Message-ID or date
   */
  public static DaticertReceipt parse(byte[] xml) {
    Document doc;
    try {
      doc = builder().parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("daticert.xml non leggibile: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!"postacert".equals(root.getTagName())) {
      throw new IllegalArgumentException("daticert.xml senza l'elemento postacert");
    }
    Type type =
        Type.ofCode(root.getAttribute("tipo").strip())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Tipo di ricevuta PEC sconosciuto: " + root.getAttribute("tipo")));
    Element dati = child(root, "dati");
    if (dati == null) {
      throw new IllegalArgumentException("daticert.xml senza l'elemento dati");
    }
    String msgid = text(dati, "msgid");
    if (msgid == null) {
      throw new IllegalArgumentException("daticert.xml senza msgid");
    }
    Element data = child(dati, "data");
    if (data == null) {
      throw new IllegalArgumentException("daticert.xml senza data");
    }
    OffsetDateTime at =
        dateTime(text(data, "giorno"), text(data, "ora"), data.getAttribute("zona"));
    Element intestazione = child(root, "intestazione");
    return new DaticertReceipt(
        type,
        bare(msgid),
        at,
        text(dati, "consegna"),
        intestazione == null ? null : text(intestazione, "mittente"),
        intestazione == null ? null : text(intestazione, "oggetto"),
        text(dati, "errore-esteso"));
  }

  /** The Message-ID without its angle brackets, as {@link #messageId()} holds it. */
  public static String bare(String messageId) {
    String id = messageId.strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1).strip();
    }
    return id;
  }

  /** The receipt's day, Italian time. */
  public LocalDate day() {
    return at.atZoneSameInstant(ROME).toLocalDate();
  }

  private static OffsetDateTime dateTime(String day, String time, String zone) {
    if (day == null || time == null) {
      throw new IllegalArgumentException("daticert.xml: giorno o ora mancanti");
    }
    try {
      LocalDateTime local =
          LocalDateTime.of(LocalDate.parse(day, DAY), java.time.LocalTime.parse(time, TIME));
      if (zone == null || zone.isBlank()) {
        return local.atZone(ROME).toOffsetDateTime();
      }
      return local.atOffset(ZoneOffset.of(zone.strip()));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "daticert.xml: data non valida " + day + " " + time + " " + zone, e);
    }
  }

  private static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("Entità esterna non ammessa: " + systemId);
          });
      b.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {}

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Element child(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && name.equals(e.getTagName())) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String value = e.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }
}
