package it.ksanctions.sanctions.infrastructure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import it.ksanctions.sanctions.domain.VerbaleDocument;
import it.ksanctions.sanctions.domain.VerbaleDocument.Command;
import it.ksanctions.sanctions.domain.VerbaleDocument.FeeLine;
import it.ksanctions.sanctions.domain.VerbaleDocument.Party;
import it.ksanctions.sanctions.domain.VerbaleDocument.Payment;
import it.ksanctions.sanctions.domain.VerbaleDocument.Portal;
import it.ksanctions.sanctions.domain.VerbaleDocument.Speed;
import it.ksanctions.sanctions.domain.VerbaleDocument.Violation;
import it.ksanctions.sanctions.domain.VerbaleDocument.Window;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Renders the document of a verbale as PDF/A-1b (ISO 19005-1, level B) with Apache PDFBox: A4 pages
 * with automatic page breaks, the pagoPA QR codes (ZXing), a footer "Verbale n. X — pagina i di n"
 * and, when asked, the form to communicate the driver's data (art. 126-bis CdS).
 *
 * <p>PDF/A-1b asks that every font be embedded (Liberation Sans, shipped inside the PDFBox jar,
 * embedded as a subset; it has no bold face, so emphasis is drawn by stroking the glyphs' outline),
 * XMP metadata consistent with the document information, an sRGB output intent (the JDK's own sRGB
 * profile), no transparency (images with alpha are flattened onto white), no JavaScript and no
 * encryption. The file is written with a classic cross-reference table and no object streams, which
 * PDF/A-1 (PDF 1.4) does not know.
 *
 * <p>Stateless and thread-safe: one instance serves every render, in the container or as {@code new
 * VerbalePdf()}. Characters the font cannot draw are printed as {@code ?}.
 */
@ApplicationScoped
public class VerbalePdf {

  private static final String FONT_RESOURCE =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final String PRODUCER = "K-Sanctions (Apache PDFBox)";
  private static final String CREATOR_TOOL = "K-Sanctions";
  private static final TimeZone ROME = TimeZone.getTimeZone("Europe/Rome");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** Body text size (points). */
  private static final float BODY = 9.5f;

  private static final float SMALL = 8f;

  /** The width of the QR codes on the page: 100 pt, about 35 mm. */
  private static final float QR_SIZE = 100f;

  /** Pixels per QR module in the image, so that it stays sharp when scaled and easy to decode. */
  private static final int QR_MODULE_PIXELS = 8;

  private static final Color TEXT = Color.BLACK;
  private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
  private static final Color BAND = new Color(0xE3, 0xE8, 0xEF);
  private static final Color LINES = new Color(0x99, 0x99, 0x99);
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);

  private static volatile byte[] fontBytes;

  /**
   * Renders the verbale.
   *
   * @param d what to print
   * @return the PDF/A-1b file
   */
  public byte[] render(VerbaleDocument d) {
    return render(d, false);
  }

  /**
   * Renders the draft of a verbale: the same document with "BOZZA" across every page, under the
   * text, and in the footer. A draft has no number, no pagoPA notice and no PIN of its own.
   *
   * @param d what to print
   * @return the PDF/A-1b file
   */
  public byte[] renderDraft(VerbaleDocument d) {
    return render(d, true);
  }

  private byte[] render(VerbaleDocument d, boolean draft) {
    org.apache.fontbox.ttf.TrueTypeFont parsed = null;
    try (PDDocument doc = new PDDocument()) {
      parsed = borrowFont();
      PDType0Font font = PDType0Font.load(doc, parsed, true);
      Sheet sheet = new Sheet(doc, font);
      sheet.newPage();
      header(sheet, d.command());
      title(sheet, d);
      party(sheet, d.owner());
      vehicle(sheet, d);
      violation(sheet, d.violation());
      assessment(sheet, d.violation(), d.speed());
      amounts(sheet, d);
      payments(sheet, d);
      notificationDeadline(sheet, d);
      appeals(sheet, d);
      portal(sheet, d);
      signatures(sheet, d.command());
      if (d.driverIdentificationForm()) {
        driverForm(sheet, d);
      }
      sheet.close();
      sheet.footers(
          draft
              ? "Bozza di verbale, non valida per la notifica"
              : "Verbale n. " + clean(font, d.number()));
      if (draft) {
        watermark(doc, font);
      }
      metadata(doc, d);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render verbale " + d.number(), e);
    } finally {
      if (parsed != null && !fonts.offer(parsed)) {
        closeQuietly(parsed);
      }
    }
  }

  /** "BOZZA" across each page, in light grey beneath the page's text (no transparency: PDF/A-1). */
  private static void watermark(PDDocument doc, PDFont font) throws IOException {
    for (PDPage page : doc.getPages()) {
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, AppendMode.PREPEND, true, true)) {
        cs.beginText();
        cs.setFont(font, 110);
        cs.setNonStrokingColor(new Color(0xE4, 0xE4, 0xE4));
        cs.setTextMatrix(
            org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(50), 150, 230));
        cs.showText("BOZZA");
        cs.endText();
      }
    }
  }

  /**
   * Parsed fonts ready for use: parsing the TrueType file costs more than drawing a whole verbale,
   * and a parsed font must not serve two documents at once (its glyphs are read while the subset is
   * written), so each render borrows one and gives it back; at most {@value #FONT_POOL} are kept.
   */
  private static final int FONT_POOL = 4;

  private final java.util.concurrent.BlockingQueue<org.apache.fontbox.ttf.TrueTypeFont> fonts =
      new java.util.concurrent.ArrayBlockingQueue<>(FONT_POOL);

  private org.apache.fontbox.ttf.TrueTypeFont borrowFont() throws IOException {
    org.apache.fontbox.ttf.TrueTypeFont pooled = fonts.poll();
    if (pooled != null) {
      return pooled;
    }
    org.apache.fontbox.ttf.TrueTypeFont parsed =
        new org.apache.fontbox.ttf.TTFParser()
            .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(font()));
    // No glyph substitution: Italian text needs no ligature, and PDFBox's GSUB pass compiles
    // regular expressions for every string drawn — most of the rendering time when it is on.
    parsed.setEnableGsub(false);
    return parsed;
  }

  private static void closeQuietly(org.apache.fontbox.ttf.TrueTypeFont font) {
    try {
      font.close();
    } catch (IOException e) {
      // nothing held but memory
    }
  }

  // ------------------------------------------------------------------ sections

  private static void header(Sheet s, Command c) throws IOException {
    BufferedImage letterhead = readImage(c.letterhead(), 2480);
    if (letterhead != null) {
      PDImageXObject image = LosslessFactory.createFromImage(s.doc, letterhead);
      float w = Sheet.WIDTH;
      float h = w * letterhead.getHeight() / letterhead.getWidth();
      if (h > 120) {
        h = 120;
        w = h * letterhead.getWidth() / letterhead.getHeight();
      }
      s.cs.drawImage(image, Sheet.LEFT + (Sheet.WIDTH - w) / 2, s.y - h, w, h);
      s.y -= h + 6;
      s.rule(ACCENT, 1f);
      return;
    }
    BufferedImage logo = readImage(c.logo(), 400);
    float textX = Sheet.LEFT;
    float logoHeight = 0;
    if (logo != null) {
      PDImageXObject image = LosslessFactory.createFromImage(s.doc, logo);
      float max = 62;
      float w =
          logo.getWidth() >= logo.getHeight() ? max : max * logo.getWidth() / logo.getHeight();
      float h =
          logo.getWidth() >= logo.getHeight() ? max * logo.getHeight() / logo.getWidth() : max;
      s.cs.drawImage(image, Sheet.LEFT, s.y - h, w, h);
      textX = Sheet.LEFT + w + 12;
      logoHeight = h;
    }
    float textWidth = Sheet.RIGHT - textX;
    float top = s.y;
    s.linesAt(textX, textWidth, c.officialName(), 14, true, ACCENT);
    if (present(c.parentBodyName())) {
      s.linesAt(textX, textWidth, c.parentBodyName(), 10.5f, false, TEXT);
    }
    if (present(c.addressLine())) {
      s.linesAt(textX, textWidth, c.addressLine(), SMALL + 0.5f, false, MUTED);
    }
    List<String> contacts = new ArrayList<>();
    if (present(c.phone())) {
      contacts.add("Tel. " + c.phone());
    }
    if (present(c.email())) {
      contacts.add("E-mail " + c.email());
    }
    if (present(c.pec())) {
      contacts.add("PEC " + c.pec());
    }
    if (present(c.website())) {
      contacts.add(c.website());
    }
    if (present(c.taxCode())) {
      contacts.add("C.F. " + c.taxCode());
    }
    s.chunksAt(textX, textWidth, contacts, " — ", SMALL + 0.5f, MUTED);
    s.y = Math.min(s.y, top - logoHeight) - 6;
    s.rule(ACCENT, 1f);
  }

  private static void title(Sheet s, VerbaleDocument d) throws IOException {
    s.y -= 10;
    s.centered("VERBALE DI ACCERTAMENTO DI VIOLAZIONE AL CODICE DELLA STRADA", 13, true, ACCENT);
    s.y -= 2;
    s.centered("n. " + d.number() + " del " + date(d.issuedOn()), 11, true, TEXT);
    if (present(d.issuedBy())) {
      s.centered("Verbalizzante: " + d.issuedBy(), BODY, false, MUTED);
    }
  }

  private static void party(Sheet s, Party p) throws IOException {
    s.section("Trasgressore / obbligato in solido");
    s.field("Nominativo", p.name());
    s.field("Codice fiscale", p.taxCode());
    if (!p.addressLines().isEmpty()) {
      s.field("Indirizzo", String.join("\n", p.addressLines()));
    }
    if (present(p.pec())) {
      s.field("PEC", p.pec());
    }
    if (present(p.role())) {
      s.field("In qualità di", p.role());
    }
  }

  private static void vehicle(Sheet s, VerbaleDocument d) throws IOException {
    s.section("Veicolo");
    String plate = d.vehicle().plate();
    if (present(d.vehicle().country())) {
      plate += " (" + d.vehicle().country() + ")";
    }
    s.field("Targa", plate);
    if (present(d.vehicle().vehicleType())) {
      s.field("Tipo di veicolo", d.vehicle().vehicleType());
    }
  }

  private static void violation(Sheet s, Violation v) throws IOException {
    s.section("Violazione");
    s.field("Data e ora", date(v.at().toLocalDate()) + ", ore " + v.at().format(TIME));
    if (present(v.placeDescription())) {
      s.field("Luogo", v.placeDescription());
    }
    String article = "Art. " + v.articleCode();
    if (present(v.articleTitle())) {
      article += " — " + v.articleTitle();
    }
    s.field("Norma violata", article);
    if (present(v.articleText())) {
      s.field("Descrizione", v.articleText());
    }
    if (present(v.legalSource())) {
      s.field("Fonte normativa", v.legalSource());
    }
    s.field(
        "Sanzioni accessorie",
        present(v.accessorySanctions()) ? v.accessorySanctions() : "nessuna");
    s.y -= 2;
    s.paragraph(
        "Decurtazione punti: " + (v.points() > 0 ? String.valueOf(v.points()) : "nessuna"),
        BODY + 0.5f,
        true,
        0);
  }

  private static void assessment(Sheet s, Violation v, Speed speed) throws IOException {
    if (!present(v.assessment()) && speed == null) {
      return;
    }
    s.section("Accertamento");
    if (present(v.assessment())) {
      s.paragraph(v.assessment(), BODY, false, 0);
      s.y -= 3;
    }
    if (speed != null) {
      s.field("Velocità rilevata", kmh(speed.measured()));
      s.field("Tolleranza applicata", kmh(speed.tolerance()));
      s.field("Velocità considerata", kmh(speed.considered()));
      s.field("Limite vigente", speed.limit() + " km/h");
      String device =
          joinPresent(" — ", speed.deviceModel(), prefixed("matricola ", speed.deviceCode()));
      if (!device.isEmpty()) {
        s.field("Dispositivo", device);
      }
      if (present(speed.approval())) {
        s.field("Approvazione", speed.approval());
      }
      String calibration =
          joinPresent(
              " ",
              prefixed("n. ", speed.calibrationCertificate()),
              speed.calibratedOn() == null ? null : "del " + date(speed.calibratedOn()));
      if (!calibration.isEmpty()) {
        s.field("Certificato di taratura", calibration);
      }
    }
  }

  private static void amounts(Sheet s, VerbaleDocument d) throws IOException {
    if (d.windows().isEmpty() && d.fees().isEmpty()) {
      return;
    }
    List<Column> columns =
        List.of(
            new Column("Modalità di pagamento", 170, false),
            new Column("Sanzione", 64, true),
            new Column("Spese", 56, true),
            new Column("Totale", 64, true),
            new Column("Scadenza", Sheet.WIDTH - 354, false));
    List<List<String>> rows = new ArrayList<>();
    for (Window w : d.windows()) {
      rows.add(
          List.of(
              nullToEmpty(w.label()),
              euro(w.sanction()),
              euro(w.fees()),
              euro(w.total()),
              deadline(w)));
    }
    s.section("Importi", s.tableHeight(columns, rows, BODY - 0.5f));
    if (!rows.isEmpty()) {
      s.table(columns, rows, BODY - 0.5f);
    }
    if (!d.fees().isEmpty()) {
      List<Column> feeColumns =
          List.of(new Column("Voce", Sheet.WIDTH - 100, false), new Column("Importo", 100, true));
      List<List<String>> feeRows = new ArrayList<>();
      for (FeeLine f : d.fees()) {
        feeRows.add(List.of(nullToEmpty(f.description()), euro(f.amount())));
      }
      s.y -= 6;
      s.ensure(
          BODY * Sheet.LEADING
              + 2
              + Math.min(
                  s.tableHeight(feeColumns, feeRows, BODY - 0.5f), (Sheet.TOP - Sheet.BOTTOM) / 3));
      s.paragraph("Spese comprese negli importi:", BODY, true, 0);
      s.y -= 2;
      s.table(feeColumns, feeRows, BODY - 0.5f);
    }
  }

  private static void payments(Sheet s, VerbaleDocument d) throws IOException {
    List<Window> payable = d.windows().stream().filter(w -> w.payment() != null).toList();
    if (payable.isEmpty()) {
      return;
    }
    s.section("Pagamento pagoPA", 4 * BODY * Sheet.LEADING + QR_SIZE + 22);
    s.paragraph(
        "Il pagamento si effettua con i canali aderenti al sistema pagoPA (app IO, home banking,"
            + " sportelli bancari e postali, esercenti abilitati) inquadrando il codice QR oppure"
            + " indicando il codice avviso e il codice fiscale dell'ente creditore. Paghi l'importo"
            + " che corrisponde al giorno in cui effettua il pagamento.",
        BODY,
        false,
        0);
    for (Window w : payable) {
      s.y -= 6;
      paymentBox(s, w);
    }
  }

  private static void paymentBox(Sheet s, Window w) throws IOException {
    Payment p = w.payment();
    float pad = 8;
    float textWidth = Sheet.WIDTH - QR_SIZE - 3 * pad;
    List<Line> lines = new ArrayList<>();
    for (String l : s.wrap(nullToEmpty(w.label()), BODY + 0.5f, textWidth)) {
      lines.add(new Line(l, BODY + 0.5f, true, ACCENT));
    }
    List<String> details = new ArrayList<>();
    details.add("Codice avviso: " + noticeCode(p.noticeCode()));
    if (present(p.iuv())) {
      details.add("IUV: " + p.iuv());
    }
    details.add(
        "Ente creditore: "
            + joinPresent(" — ", p.creditorName(), prefixed("C.F. ", p.creditorTaxCode())));
    details.add("Importo: " + euroCents(p.amountCents()));
    details.add("Scadenza: " + deadline(w));
    for (String detail : details) {
      boolean amount = detail.startsWith("Importo");
      for (String l : s.wrap(detail, BODY, textWidth)) {
        lines.add(new Line(l, BODY, amount, TEXT));
      }
    }
    float textHeight = 0;
    for (Line l : lines) {
      textHeight += l.size * Sheet.LEADING;
    }
    float height = Math.max(QR_SIZE, textHeight) + 2 * pad;
    s.ensure(height);
    float top = s.y;
    s.box(Sheet.LEFT, top - height, Sheet.WIDTH, height, LINES, 0.6f);
    PDImageXObject qr = qrXObject(s.doc, p.qrPayload());
    s.cs.drawImage(qr, Sheet.RIGHT - pad - QR_SIZE, top - pad - QR_SIZE, QR_SIZE, QR_SIZE);
    float y = top - pad;
    for (Line l : lines) {
      s.text(Sheet.LEFT + pad, y - l.size, l.text, l.size, l.bold, l.color);
      y -= l.size * Sheet.LEADING;
    }
    s.y = top - height;
  }

  private static void notificationDeadline(Sheet s, VerbaleDocument d) throws IOException {
    if (d.notificationDeadline() == null) {
      return;
    }
    s.section("Termine di notifica");
    s.paragraph(
        "Ai sensi dell'art. 201 del Codice della Strada il presente verbale deve essere notificato"
            + " entro il "
            + date(d.notificationDeadline())
            + ".",
        BODY,
        false,
        0);
  }

  private static void appeals(Sheet s, VerbaleDocument d) throws IOException {
    s.section("Come fare ricorso");
    String command = d.command().officialName();
    s.paragraph("Ricorso al Prefetto (art. 203 CdS)", BODY, true, 0);
    s.paragraph(
        "Entro 60 giorni dalla contestazione o dalla notificazione del verbale il trasgressore o"
            + " l'obbligato in solido può presentare ricorso al Prefetto del luogo della violazione,"
            + " consegnandolo o inviandolo (raccomandata con avviso di ricevimento o PEC) a "
            + command
            + ", che lo trasmette al Prefetto, oppure direttamente alla Prefettura.",
        BODY,
        false,
        0);
    s.y -= 3;
    s.paragraph(
        "Ricorso al Giudice di Pace (art. 204-bis CdS e art. 7 D.Lgs. 150/2011)", BODY, true, 0);
    s.paragraph(
        "In alternativa al ricorso al Prefetto, entro 30 giorni dalla contestazione o dalla"
            + " notificazione del verbale si può proporre opposizione al Giudice di Pace del luogo"
            + " in cui è stata commessa la violazione.",
        BODY,
        false,
        0);
    s.y -= 3;
    s.paragraph(
        "Il pagamento della sanzione chiude il procedimento ed esclude la possibilità di"
            + " presentare ricorso al Prefetto o al Giudice di Pace.",
        BODY,
        false,
        0);
  }

  private static void portal(Sheet s, VerbaleDocument d) throws IOException {
    Portal p = d.portal();
    if (p == null || !present(p.pin())) {
      return;
    }
    s.section("Accesso al portale del cittadino");
    float pad = 8;
    float width = Sheet.WIDTH - 2 * pad;
    List<Line> lines = new ArrayList<>();
    for (String l :
        s.wrap(
            "Può consultare il verbale, le immagini e lo stato dei pagamenti sul portale del"
                + " cittadino:",
            BODY,
            width)) {
      lines.add(new Line(l, BODY, false, TEXT));
    }
    for (String l : s.wrap(nullToEmpty(p.url()), BODY + 0.5f, width)) {
      lines.add(new Line(l, BODY + 0.5f, true, ACCENT));
    }
    for (String l :
        s.wrap(
            "Codice fiscale: " + nullToEmpty(d.owner().taxCode()) + " — PIN: " + p.pin(),
            BODY + 1.5f,
            width)) {
      lines.add(new Line(l, BODY + 1.5f, true, TEXT));
    }
    for (String l :
        s.wrap(
            "Il PIN è personale: lo conservi con cura e non lo comunichi a nessuno. Il Comando non"
                + " lo chiederà mai per telefono o per posta elettronica.",
            SMALL + 0.5f,
            width)) {
      lines.add(new Line(l, SMALL + 0.5f, false, MUTED));
    }
    float height = 2 * pad;
    for (Line l : lines) {
      height += l.size * Sheet.LEADING;
    }
    s.ensure(height);
    float top = s.y;
    s.box(Sheet.LEFT, top - height, Sheet.WIDTH, height, ACCENT, 1f);
    float y = top - pad;
    for (Line l : lines) {
      s.text(Sheet.LEFT + pad, y - l.size, l.text, l.size, l.bold, l.color);
      y -= l.size * Sheet.LEADING;
    }
    s.y = top - height;
  }

  private static void signatures(Sheet s, Command c) throws IOException {
    s.y -= 14;
    s.ensure(60);
    float half = Sheet.WIDTH / 2;
    float top = s.y;
    float leftBottom = top;
    if (present(c.procedureManager())) {
      s.y = top;
      s.linesAt(Sheet.LEFT, half - 10, "Il responsabile del procedimento", BODY, false, MUTED);
      s.linesAt(Sheet.LEFT, half - 10, c.procedureManager(), BODY, true, TEXT);
      leftBottom = s.y;
    }
    s.y = top;
    if (present(c.commandManager())) {
      s.linesAt(Sheet.LEFT + half + 10, half - 10, "Il Comandante", BODY, false, MUTED);
      s.linesAt(Sheet.LEFT + half + 10, half - 10, c.commandManager(), BODY, true, TEXT);
    }
    s.y = Math.min(s.y, leftBottom) - 4;
    s.paragraph(
        "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, comma 2, del D.Lgs."
            + " 39/1993.",
        SMALL,
        false,
        0);
  }

  private static void driverForm(Sheet s, VerbaleDocument d) throws IOException {
    s.newPage();
    s.paragraph("Comunicazione dei dati del conducente (art. 126-bis CdS)", 13, true, 0, ACCENT);
    s.y -= 4;
    Violation v = d.violation();
    s.paragraph(
        "Riferimento: verbale n. "
            + d.number()
            + " del "
            + date(d.issuedOn())
            + " — veicolo targato "
            + d.vehicle().plate()
            + " — violazione dell'art. "
            + v.articleCode()
            + " commessa il "
            + date(v.at().toLocalDate())
            + " alle ore "
            + v.at().format(TIME)
            + ".",
        BODY,
        false,
        0);
    s.y -= 4;
    s.paragraph(
        "Il/La sottoscritto/a, in qualità di proprietario del veicolo o di obbligato in solido,"
            + " dichiara che al momento della violazione il veicolo era condotto da:",
        BODY,
        false,
        0);
    s.y -= 6;
    String[] fields = {
      "Cognome",
      "Nome",
      "Data di nascita",
      "Luogo di nascita",
      "Residente a (comune e CAP)",
      "Indirizzo di residenza",
      "Patente di guida n.",
      "Categoria",
      "Rilasciata da",
      "Rilasciata il",
      "Valida fino al",
    };
    for (String field : fields) {
      s.blank(field);
    }
    s.y -= 10;
    s.blank("Luogo e data");
    s.blank("Firma del conducente");
    s.blank("Firma del dichiarante (proprietario / obbligato in solido)");
    s.y -= 10;
    String to = d.command().officialName();
    String address =
        joinPresent(" — ", d.command().addressLine(), prefixed("PEC ", d.command().pec()));
    s.paragraph(
        "La comunicazione deve pervenire a "
            + to
            + (address.isEmpty() ? "" : " (" + address + ")")
            + " entro 60 giorni dalla notifica del verbale, con copia fronte e retro della patente"
            + " del conducente. Se, senza giustificato e documentato motivo, i dati non sono"
            + " comunicati nel termine, si applica la sanzione amministrativa prevista dall'art."
            + " 126-bis, comma 2, del Codice della Strada.",
        BODY,
        false,
        0);
  }

  // ------------------------------------------------------------------ metadata

  private static void metadata(PDDocument doc, VerbaleDocument d) throws IOException {
    String title = "Verbale n. " + d.number();
    String author = d.command().officialName();
    String subject =
        "Verbale di accertamento di violazione al Codice della Strada, veicolo "
            + d.vehicle().plate();
    Calendar now = Calendar.getInstance(ROME, Locale.ITALY);
    now.set(Calendar.MILLISECOND, 0);

    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor(author);
    info.setSubject(subject);
    info.setCreator(CREATOR_TOOL);
    info.setProducer(PRODUCER);
    info.setCreationDate(now);
    info.setModificationDate(now);

    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    dc.addCreator(author);
    dc.setDescription(subject);
    dc.setFormat("application/pdf");
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool(CREATOR_TOOL);
    basic.setCreateDate(now);
    basic.setModifyDate(now);
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setProducer(PRODUCER);
    PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
    try {
      id.setPart(1);
      id.setConformance("B");
    } catch (BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, xml, true);
    } catch (TransformerException e) {
      throw new IOException("Cannot write the XMP metadata", e);
    }
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xml.toByteArray());
    doc.getDocumentCatalog().setMetadata(metadata);
    doc.getDocumentCatalog().setLanguage("it-IT");

    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    doc.getDocumentCatalog().addOutputIntent(intent);
  }

  // ------------------------------------------------------------------ images

  /**
   * Decodes a PNG or JPEG, scales it down to {@code maxSide} pixels and flattens it onto white in
   * sRGB: PDF/A-1 allows no transparency (soft masks). Null when absent or unreadable, and then the
   * document goes without it.
   */
  private static BufferedImage readImage(byte[] bytes, int maxSide) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    BufferedImage source;
    try {
      source = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (source == null || source.getWidth() == 0 || source.getHeight() == 0) {
      return null;
    }
    double scale =
        Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
    int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /**
   * The pagoPA QR code as a 1-bit DeviceGray image written directly from the code's modules
   * (Flate), without going through an AWT image and PDFBox's generic pixel-by-pixel encoder.
   */
  static PDImageXObject qrXObject(PDDocument doc, String payload) throws IOException {
    BufferedImage image = qrImage(payload);
    int side = image.getWidth();
    int rowBytes = (side + 7) / 8;
    byte[] bits = new byte[rowBytes * side];
    java.awt.image.Raster raster = image.getRaster();
    int[] row = new int[side];
    for (int y = 0; y < side; y++) {
      raster.getSamples(0, y, side, 1, 0, row);
      for (int x = 0; x < side; x++) {
        if (row[x] != 0) { // white: bit 1 in DeviceGray
          bits[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream out =
        new java.util.zip.DeflaterOutputStream(deflated)) {
      out.write(bits);
    }
    return new PDImageXObject(
        doc,
        new ByteArrayInputStream(deflated.toByteArray()),
        org.apache.pdfbox.cos.COSName.FLATE_DECODE,
        side,
        side,
        1,
        org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
  }

  /** The pagoPA QR code: error correction M, quiet zone of 4 modules, black on white, 1 bit. */
  static BufferedImage qrImage(String payload) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  payload,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode the pagoPA QR code: " + payload, e);
    }
    int modules = matrix.getWidth();
    int side = modules * QR_MODULE_PIXELS;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      g.setColor(Color.BLACK);
      for (int y = 0; y < modules; y++) {
        for (int x = 0; x < modules; x++) {
          if (matrix.get(x, y)) {
            g.fillRect(
                x * QR_MODULE_PIXELS, y * QR_MODULE_PIXELS, QR_MODULE_PIXELS, QR_MODULE_PIXELS);
          }
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  // ------------------------------------------------------------------ formats

  private static String date(LocalDate date) {
    return date == null ? "" : date.format(DATE);
  }

  /** Italian amount: "€ 1.234,50". */
  static String euro(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));
    return "€ " + format.format(amount);
  }

  private static String euroCents(long cents) {
    return euro(BigDecimal.valueOf(cents, 2));
  }

  private static String kmh(BigDecimal speed) {
    if (speed == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ITALY));
    return format.format(speed) + " km/h";
  }

  /** The notice code in groups of four digits, as pagoPA prints it: "3020 0000 0000 1234 56". */
  static String noticeCode(String code) {
    String digits = code.replaceAll("\\s", "");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(digits, i, Math.min(digits.length(), i + 4));
    }
    return b.toString();
  }

  private static String deadline(Window w) {
    if (w.lastDay() != null) {
      return "entro il " + date(w.lastDay());
    }
    return nullToEmpty(w.deadlineText());
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String prefixed(String prefix, String s) {
    return present(s) ? prefix + s : null;
  }

  private static String joinPresent(String separator, String... parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (present(part)) {
        present.add(part);
      }
    }
    return String.join(separator, present);
  }

  /**
   * The text as the font can print it: NFC, tabs as spaces, other control characters dropped
   * (except line feeds, which the wrapping reads), and every character without a glyph as {@code
   * ?}.
   */
  private static String clean(PDFont font, String s) {
    return clean(font, s, new HashMap<>());
  }

  private static String clean(PDFont font, String s, Map<Integer, Boolean> printable) {
    if (s == null) {
      return "";
    }
    String text = Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                b.append('\n');
              } else if (cp == '\t' || cp == '\r' || Character.isSpaceChar(cp)) {
                b.append(' ');
              } else if (Character.isISOControl(cp)) {
                // dropped
              } else if (printable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private static boolean canEncode(PDFont font, int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      return false;
    }
  }

  private static byte[] font() throws IOException {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = VerbalePdf.class.getResourceAsStream(FONT_RESOURCE)) {
        if (in == null) {
          throw new IOException("Font not found on the class path: " + FONT_RESOURCE);
        }
        bytes = in.readAllBytes();
      }
      fontBytes = bytes;
    }
    return bytes;
  }

  // ------------------------------------------------------------------ layout

  private record Line(String text, float size, boolean bold, Color color) {}

  private record Column(String header, float width, boolean right) {}

  /**
   * The pages being written: a cursor {@code y} (the top of the free space on the current page)
   * that moves down, and a new page whenever what comes next does not fit above the footer.
   */
  private static final class Sheet {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float LEFT = 50;
    static final float RIGHT = PAGE_WIDTH - 50;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE_HEIGHT - 45;
    static final float BOTTOM = 60;
    static final float LEADING = 1.3f;
    static final float LABEL_WIDTH = 125;

    final PDDocument doc;
    final PDFont font;
    final Map<Integer, Boolean> printable = new HashMap<>();
    final List<PDPage> pages = new ArrayList<>();
    PDPageContentStream cs;
    float y;

    Sheet(PDDocument doc, PDFont font) {
      this.doc = doc;
      this.font = font;
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      pages.add(page);
      cs = new PDPageContentStream(doc, page);
      y = TOP;
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    /** Starts a new page unless {@code height} points fit above the footer. */
    void ensure(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    float width(String s, float size) throws IOException {
      return font.getStringWidth(s) / 1000 * size;
    }

    /** Draws one line of already wrapped text at a baseline. */
    void text(float x, float baseline, String s, float size, boolean bold, Color color)
        throws IOException {
      String text = clean(font, s, printable).replace('\n', ' ');
      if (text.isEmpty()) {
        return;
      }
      cs.setNonStrokingColor(color);
      cs.setStrokingColor(color);
      cs.setLineWidth(size * 0.03f);
      cs.beginText();
      cs.setFont(font, size);
      // Liberation Sans comes without its bold face: bold is the outline stroked over the fill.
      cs.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
      cs.newLineAtOffset(x, baseline);
      cs.showText(text);
      cs.endText();
    }

    /** Breaks the text into lines no wider than {@code maxWidth}; line feeds start new lines. */
    List<String> wrap(String s, float size, float maxWidth) throws IOException {
      String text = clean(font, s, printable);
      List<String> lines = new ArrayList<>();
      for (String paragraph : text.split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.trim().split(" +")) {
          if (word.isEmpty()) {
            continue;
          }
          String candidate = line.length() == 0 ? word : line + " " + word;
          if (width(candidate, size) <= maxWidth) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          while (width(word, size) > maxWidth) {
            int cut = fit(word, size, maxWidth);
            lines.add(word.substring(0, cut));
            word = word.substring(cut);
          }
          line.append(word);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    /** How many chars of an over-long word fit in the width: at least one code point. */
    private int fit(String word, float size, float maxWidth) throws IOException {
      int end = word.offsetByCodePoints(0, 1);
      while (end < word.length()) {
        int next = word.offsetByCodePoints(end, 1);
        if (width(word.substring(0, next), size) > maxWidth) {
          break;
        }
        end = next;
      }
      return end;
    }

    /** A wrapped paragraph across the full width, breaking pages between lines. */
    void paragraph(String s, float size, boolean bold, float indent) throws IOException {
      paragraph(s, size, bold, indent, TEXT);
    }

    void paragraph(String s, float size, boolean bold, float indent, Color color)
        throws IOException {
      for (String line : wrap(s, size, WIDTH - indent)) {
        ensure(size * LEADING);
        text(LEFT + indent, y - size, line, size, bold, color);
        y -= size * LEADING;
      }
    }

    /**
     * Pieces joined by a separator and wrapped between pieces, so that a piece (a phone number, an
     * address) stays on one line unless it is wider than the column itself.
     */
    void chunksAt(
        float x, float width, List<String> chunks, String separator, float size, Color color)
        throws IOException {
      StringBuilder line = new StringBuilder();
      List<String> lines = new ArrayList<>();
      for (String chunk : chunks) {
        String candidate = line.length() == 0 ? chunk : line + separator + chunk;
        if (line.length() > 0 && width(clean(font, candidate, printable), size) > width) {
          lines.add(line.toString());
          line.setLength(0);
          line.append(chunk);
        } else {
          line.setLength(0);
          line.append(candidate);
        }
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      for (String l : lines) {
        linesAt(x, width, l, size, false, color);
      }
    }

    /** Wrapped lines in a column starting at {@code x} (no page break: for the header blocks). */
    void linesAt(float x, float width, String s, float size, boolean bold, Color color)
        throws IOException {
      for (String line : wrap(s, size, width)) {
        text(x, y - size, line, size, bold, color);
        y -= size * LEADING;
      }
    }

    void centered(String s, float size, boolean bold, Color color) throws IOException {
      for (String line : wrap(s, size, WIDTH)) {
        ensure(size * LEADING);
        text(LEFT + (WIDTH - width(line, size)) / 2, y - size, line, size, bold, color);
        y -= size * LEADING;
      }
    }

    /** A section's title on a band, kept on the same page as the first lines after it. */
    void section(String title) throws IOException {
      section(title, 3 * BODY * LEADING);
    }

    /** A section's title on a band, kept on the same page as the {@code keep} points after it. */
    void section(String title, float keep) throws IOException {
      y -= 10;
      ensure(21 + Math.min(keep, (TOP - BOTTOM) / 3));
      float height = 16;
      cs.setNonStrokingColor(BAND);
      cs.addRect(LEFT, y - height, WIDTH, height);
      cs.fill();
      text(LEFT + 5, y - 11.5f, title, 10.5f, true, ACCENT);
      y -= height + 5;
    }

    /** A label and its wrapped value, side by side. */
    void field(String label, String value) throws IOException {
      List<String> labels = wrap(label, BODY, LABEL_WIDTH - 8);
      List<String> values = wrap(nullToEmpty(value), BODY, WIDTH - LABEL_WIDTH);
      int count = Math.max(labels.size(), values.size());
      float leading = BODY * LEADING;
      if (count * leading < TOP - BOTTOM) {
        ensure(Math.min(count, 3) * leading);
      }
      for (int i = 0; i < count; i++) {
        ensure(leading);
        if (i < labels.size()) {
          text(LEFT, y - BODY, labels.get(i), BODY, false, MUTED);
        }
        if (i < values.size()) {
          text(LEFT + LABEL_WIDTH, y - BODY, values.get(i), BODY, true, TEXT);
        }
        y -= leading;
      }
      y -= 1.5f;
    }

    /** A label followed by a line to write on by hand. */
    void blank(String label) throws IOException {
      float height = 24;
      ensure(height);
      y -= height;
      text(LEFT, y + 3, label, BODY, false, TEXT);
      float start = LEFT + Math.min(width(clean(font, label, printable), BODY) + 8, WIDTH - 60);
      cs.setStrokingColor(LINES);
      cs.setLineWidth(0.6f);
      cs.moveTo(start, y + 1);
      cs.lineTo(RIGHT, y + 1);
      cs.stroke();
    }

    void rule(Color color, float lineWidth) throws IOException {
      cs.setStrokingColor(color);
      cs.setLineWidth(lineWidth);
      cs.moveTo(LEFT, y);
      cs.lineTo(RIGHT, y);
      cs.stroke();
      y -= 4;
    }

    void box(float x, float bottom, float w, float h, Color color, float lineWidth)
        throws IOException {
      cs.setStrokingColor(color);
      cs.setLineWidth(lineWidth);
      cs.addRect(x, bottom, w, h);
      cs.stroke();
    }

    /** A table with a header row, repeated on each page the table runs over. */
    void table(List<Column> columns, List<List<String>> rows, float size) throws IOException {
      float padX = 4;
      float padY = 3;
      float leading = size * 1.25f;
      List<List<String>> header = new ArrayList<>();
      for (Column c : columns) {
        header.add(wrap(c.header(), size, c.width() - 2 * padX));
      }
      float headerHeight = height(header, leading, padY);
      if (tableHeight(columns, rows, size) <= (TOP - BOTTOM) / 3) {
        ensure(tableHeight(columns, rows, size)); // a short table is not split
      }
      boolean headerDrawn = false;
      for (List<String> row : rows) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          cells.add(wrap(row.get(i), size, columns.get(i).width() - 2 * padX));
        }
        float rowHeight = height(cells, leading, padY);
        if (!headerDrawn || y - rowHeight < BOTTOM) {
          ensure(headerHeight + rowHeight);
          row(columns, header, headerHeight, size, leading, padX, padY, true);
          headerDrawn = true;
        }
        row(columns, cells, rowHeight, size, leading, padX, padY, false);
      }
    }

    /** The height a table takes, header included, if it is not split. */
    float tableHeight(List<Column> columns, List<List<String>> rows, float size)
        throws IOException {
      float leading = size * 1.25f;
      List<List<String>> header = new ArrayList<>();
      for (Column c : columns) {
        header.add(wrap(c.header(), size, c.width() - 8));
      }
      float total = height(header, leading, 3);
      for (List<String> row : rows) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          cells.add(wrap(row.get(i), size, columns.get(i).width() - 8));
        }
        total += height(cells, leading, 3);
      }
      return total;
    }

    private static float height(List<List<String>> cells, float leading, float padY) {
      int lines = 1;
      for (List<String> cell : cells) {
        lines = Math.max(lines, cell.size());
      }
      return lines * leading + 2 * padY;
    }

    private void row(
        List<Column> columns,
        List<List<String>> cells,
        float height,
        float size,
        float leading,
        float padX,
        float padY,
        boolean header)
        throws IOException {
      float x = LEFT;
      if (header) {
        cs.setNonStrokingColor(BAND);
        cs.addRect(LEFT, y - height, WIDTH, height);
        cs.fill();
      }
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        box(x, y - height, c.width(), height, LINES, 0.5f);
        float baseline = y - padY - size;
        for (String line : cells.get(i)) {
          float tx = c.right() ? x + c.width() - padX - width(line, size) : x + padX;
          text(tx, baseline, line, size, header, header ? ACCENT : TEXT);
          baseline -= leading;
        }
        x += c.width();
      }
      y -= height;
    }

    /** Writes "label — pagina i di n" at the bottom of every page, once the count is known. */
    void footers(String label) throws IOException {
      int count = pages.size();
      for (int i = 0; i < count; i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(doc, pages.get(i), AppendMode.APPEND, true, true)) {
          PDPageContentStream saved = cs;
          cs = footer;
          cs.setStrokingColor(LINES);
          cs.setLineWidth(0.5f);
          cs.moveTo(LEFT, 42);
          cs.lineTo(RIGHT, 42);
          cs.stroke();
          String text = label + " — pagina " + (i + 1) + " di " + count;
          text(LEFT + (WIDTH - width(text, SMALL)) / 2, 30, text, SMALL, false, MUTED);
          cs = saved;
        }
      }
    }
  }
}
