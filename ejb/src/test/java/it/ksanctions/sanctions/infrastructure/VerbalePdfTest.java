package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import it.ksanctions.sanctions.domain.VerbaleDocument;
import it.ksanctions.sanctions.domain.VerbaleDocument.Command;
import it.ksanctions.sanctions.domain.VerbaleDocument.FeeLine;
import it.ksanctions.sanctions.domain.VerbaleDocument.Party;
import it.ksanctions.sanctions.domain.VerbaleDocument.Payment;
import it.ksanctions.sanctions.domain.VerbaleDocument.Portal;
import it.ksanctions.sanctions.domain.VerbaleDocument.Speed;
import it.ksanctions.sanctions.domain.VerbaleDocument.Vehicle;
import it.ksanctions.sanctions.domain.VerbaleDocument.Violation;
import it.ksanctions.sanctions.domain.VerbaleDocument.Window;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a verbale and reads it back: its text, its pagoPA QR codes decoded with ZXing, and its
 * PDF/A-1b conformance checked by Apache Preflight.
 *
 * <p>With {@code -Dverbale.sample=true} the sample is also written to {@code
 * /tmp/verbale-sample.pdf} and its pages, at 100 dpi, to {@code /tmp/verbale-sample-<n>.png}.
 */
class VerbalePdfTest {

  static final String REDUCED_QR = "PAGOPA|002|302000000000012345|00123450596|12050";
  static final String ORDINARY_QR = "PAGOPA|002|302000000000012346|00123450596|17350";

  @TempDir Path dir;

  private final VerbalePdf renderer = new VerbalePdf();

  @Test
  void prints_everything_the_citizen_needs() throws IOException {
    byte[] pdf = renderer.render(sample());

    String text = text(pdf);
    assertThat(text)
        .contains("VERBALE DI ACCERTAMENTO DI VIOLAZIONE AL CODICE DELLA STRADA")
        .contains("VL/2026/000123")
        .contains("12/03/2026")
        .contains("AB123CD")
        .contains("Art. 142 c. 8")
        .contains("Decurtazione punti: 3")
        .contains("3020 0000 0000 0123 45")
        .contains("3020 0000 0000 0123 46")
        .contains("€ 120,50")
        .contains("€ 1.234,50")
        .contains("Codice fiscale: RSSMRA80A01E472X — PIN: 4821-7730")
        .contains("Prefetto")
        .contains("Giudice di Pace")
        .contains("126-bis")
        .contains("Comunicazione dei dati del conducente")
        .contains("Verbale n. VL/2026/000123 — pagina 1 di ");
    assertThat(text.split("PIN: 4821-7730", -1)).as("the PIN is printed once").hasSize(2);

    assertThat(qrCodes(pdf)).containsExactlyInAnyOrder(REDUCED_QR, ORDINARY_QR);
    assertPdfA(pdf);

    if (System.getProperty("verbale.sample") != null) {
      writeSample(pdf);
    }
  }

  @Test
  void a_draft_says_so_on_every_page_and_stays_pdf_a() throws IOException {
    byte[] pdf = renderer.renderDraft(sample());

    String text = text(pdf);
    // the watermark is drawn at an angle: the extracted text breaks it over lines
    assertThat(text.replaceAll("\\s+", "")).contains("BOZZA");
    assertThat(text)
        .contains("AB123CD")
        .contains("Bozza di verbale, non valida per la notifica — pagina 1 di ")
        .doesNotContain("Verbale n. VL/2026/000123 — pagina");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(doc).replaceAll("\\s+", ""))
            .as("page " + page)
            .contains("BOZZA");
      }
    }
    assertPdfA(pdf);
    if (System.getProperty("verbale.sample") != null) {
      Files.write(Path.of("/tmp/verbale-draft.pdf"), pdf);
    }
  }

  @Test
  void a_long_text_and_many_fees_run_over_several_pages_and_stay_pdf_a() throws IOException {
    VerbaleDocument base = sample();
    String longText =
        "La condotta consiste nel superamento del limite massimo di velocità. ".repeat(60);
    List<FeeLine> fees = new ArrayList<>();
    for (int i = 1; i <= 70; i++) {
      fees.add(new FeeLine("Voce di spesa numero " + i, new BigDecimal(i + ".25")));
    }
    Violation v = base.violation();
    VerbaleDocument longOne =
        new VerbaleDocument(
            base.command(),
            base.number(),
            base.issuedOn(),
            base.issuedBy(),
            base.owner(),
            base.vehicle(),
            new Violation(
                v.at(),
                v.placeDescription(),
                v.articleCode(),
                v.articleTitle(),
                longText,
                v.legalSource(),
                v.points(),
                v.accessorySanctions(),
                v.assessment()),
            base.speed(),
            base.windows(),
            fees,
            base.notificationDeadline(),
            false,
            base.portal());

    byte[] pdf = renderer.render(longOne);

    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
    }
    assertThat(pages).isGreaterThan(2);
    String text = text(pdf);
    assertThat(text)
        .contains("Voce di spesa numero 70")
        .contains("€ 70,25")
        .contains("pagina " + pages + " di " + pages)
        .doesNotContain("Comunicazione dei dati del conducente");
    assertThat(qrCodes(pdf)).containsExactlyInAnyOrder(REDUCED_QR, ORDINARY_QR);
    assertPdfA(pdf);
  }

  @Test
  void letterhead_missing_parts_and_unprintable_characters_do_not_break_the_document()
      throws IOException {
    VerbaleDocument base = sample();
    Command c = base.command();
    Command withLetterhead =
        new Command(
            c.officialName(),
            null,
            c.addressLine(),
            null,
            null,
            null,
            null,
            c.taxCode(),
            c.commandManager(),
            null,
            new byte[] {1, 2, 3}, // not an image: left out
            png(banner()));
    VerbaleDocument d =
        new VerbaleDocument(
            withLetterhead,
            base.number(),
            base.issuedOn(),
            null,
            new Party("Wang 王 Li \uD83D\uDE97", "WNGLIA80A01Z210X", List.of(), null, null),
            new Vehicle("AB123CD", null, null),
            base.violation(),
            null,
            List.of(
                new Window(
                    "Pagamento in misura ridotta",
                    new BigDecimal("120.50"),
                    BigDecimal.ZERO,
                    new BigDecimal("120.50"),
                    null,
                    "entro 60 giorni dalla notifica",
                    null)),
            List.of(),
            null,
            false,
            new Portal("https://multe.example.it/t/latina/portale", null));

    byte[] pdf = renderer.render(d);

    String text = text(pdf);
    assertThat(text)
        .contains("Wang ? Li ?")
        .contains("entro 60 giorni dalla notifica")
        .contains("Polizia Locale di Latina")
        .doesNotContain("PIN:")
        .doesNotContain("Pagamento pagoPA");
    assertThat(qrCodes(pdf)).isEmpty();
    assertPdfA(pdf);
  }

  // ------------------------------------------------------------------ reading back

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** Every image on every page that ZXing reads as a QR code, decoded. */
  static List<String> qrCodes(byte[] pdf) throws IOException {
    List<String> decoded = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
          PDXObject object = resources.getXObject(name);
          if (object instanceof PDImageXObject image) {
            BufferedImage bitmap = image.getImage();
            try {
              decoded.add(
                  new QRCodeReader()
                      .decode(
                          new BinaryBitmap(
                              new HybridBinarizer(new BufferedImageLuminanceSource(bitmap))))
                      .getText());
            } catch (NotFoundException | ChecksumException | FormatException e) {
              // not a QR code: the logo or the letterhead
            }
          }
        }
      }
    }
    return decoded;
  }

  /** Asserts PDF/A-1b conformance with Apache Preflight, printing its errors when it fails. */
  void assertPdfA(byte[] pdf) throws IOException {
    Path file = Files.createTempFile(dir, "verbale", ".pdf");
    Files.write(file, pdf);
    ValidationResult result = PreflightParser.validate(file.toFile());
    String errors =
        result.getErrorsList().stream()
            .map(e -> e.getErrorCode() + " " + e.getDetails() + " (page " + e.getPageNumber() + ")")
            .collect(Collectors.joining("\n"));
    if (!result.isValid()) {
      System.err.println("Preflight errors:\n" + errors);
    }
    assertThat(result.isValid()).as("PDF/A-1b according to Preflight:\n" + errors).isTrue();
  }

  private static void writeSample(byte[] pdf) throws IOException {
    Files.write(Path.of("/tmp/verbale-sample.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer rendering = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage page = rendering.renderImageWithDPI(i, 100);
        ImageIO.write(page, "png", new File("/tmp/verbale-sample-" + (i + 1) + ".png"));
      }
    }
  }

  // ------------------------------------------------------------------ the sample

  /** A complete verbale: logo with alpha, speed, two windows payable by pagoPA, 126-bis form. */
  static VerbaleDocument sample() {
    Command command =
        new Command(
            "Polizia Locale di Latina",
            "Comune di Latina",
            "Piazza del Popolo 1, 04100 Latina (LT)",
            "0773 123456",
            "polizialocale@comune.latina.example.it",
            "polizialocale@pec.comune.latina.example.it",
            "https://www.comune.latina.example.it",
            "00123450596",
            "Dott. Mario Bianchi",
            "Isp. Laura Verdi",
            png(logo()),
            null);
    Party owner =
        new Party(
            "Mario Rossi",
            "RSSMRA80A01E472X",
            List.of("Via Roma 10", "04100 Latina (LT)"),
            "mario.rossi@pec.example.it",
            "Proprietario del veicolo (obbligato in solido, art. 196 CdS)");
    Violation violation =
        new Violation(
            LocalDateTime.of(2026, 3, 10, 10, 35),
            "Latina, Via Epitaffio km 3+200, direzione Latina Scalo",
            "142 c. 8",
            "Limiti di velocità",
            "Superava il limite massimo di velocità di 50 km/h vigente sul tratto di strada,"
                + " procedendo alla velocità di 82 km/h (già detratta la tolleranza), eccedendo il"
                + " limite di oltre 10 km/h e non oltre 40 km/h.",
            "D.Lgs. 30 aprile 1992, n. 285 (Codice della Strada)",
            3,
            null,
            "Rilevazione con dispositivo automatico, contestazione differita (art. 201 c. 1-bis"
                + " lett. e CdS)");
    Speed speed =
        new Speed(
            new BigDecimal("87"),
            new BigDecimal("5"),
            new BigDecimal("82"),
            50,
            "VX-000123",
            "Autovelox 106",
            "Approvazione MIT n. 1234 del 15/01/2020",
            "LAT-2025-0456",
            LocalDate.of(2025, 9, 1));
    Window reduced =
        new Window(
            "Pagamento ridotto del 30% entro 5 giorni dalla notifica",
            new BigDecimal("120.50"),
            BigDecimal.ZERO,
            new BigDecimal("120.50"),
            null,
            "entro 5 giorni dalla notifica",
            new Payment(
                "302000000000012345",
                "02000000000012345",
                "00123450596",
                "Comune di Latina",
                12050,
                REDUCED_QR));
    Window ordinary =
        new Window(
            "Pagamento in misura ridotta entro 60 giorni dalla notifica",
            new BigDecimal("173.50"),
            BigDecimal.ZERO,
            new BigDecimal("173.50"),
            LocalDate.of(2026, 6, 30),
            "entro 60 giorni dalla notifica",
            new Payment(
                "302000000000012346",
                "02000000000012346",
                "00123450596",
                "Comune di Latina",
                17350,
                ORDINARY_QR));
    Window late =
        new Window(
            "Oltre 60 giorni dalla notifica (metà del massimo edittale)",
            new BigDecimal("1234.50"),
            BigDecimal.ZERO,
            new BigDecimal("1234.50"),
            null,
            "dopo 60 giorni dalla notifica",
            null);
    return new VerbaleDocument(
        command,
        "VL/2026/000123",
        LocalDate.of(2026, 3, 12),
        "Agente sc. Paolo Neri (matr. 0456)",
        owner,
        new Vehicle("AB123CD", "IT", "Autovettura"),
        violation,
        speed,
        List.of(reduced, ordinary, late),
        List.of(new FeeLine("Spese di accertamento e procedimento", BigDecimal.ZERO)),
        LocalDate.of(2026, 6, 8),
        true,
        new Portal("https://multe.example.it/t/latina/portale", "4821-7730"));
  }

  /** A round badge on a transparent background: an image with an alpha channel. */
  private static BufferedImage logo() {
    BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x1F, 0x3A, 0x5F, 230));
    g.fillOval(8, 8, 144, 144);
    g.setColor(new Color(255, 255, 255, 200));
    g.setStroke(new BasicStroke(6));
    g.drawOval(22, 22, 116, 116);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54));
    g.drawString("PL", 45, 100);
    g.dispose();
    return image;
  }

  private static BufferedImage banner() {
    BufferedImage image = new BufferedImage(1200, 180, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1F, 0x3A, 0x5F, 180));
    g.fillRect(0, 0, 1200, 180);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
    g.drawString("COMUNE DI LATINA", 60, 115);
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
