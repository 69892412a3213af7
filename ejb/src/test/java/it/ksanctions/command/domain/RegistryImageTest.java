package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryImageTest {

  static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
  static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-', '1', '.', '7'};

  /** {@code size} bytes starting with {@code magic}. */
  static byte[] file(byte[] magic, int size) {
    byte[] b = Arrays.copyOf(magic, size);
    Arrays.fill(b, magic.length, size, (byte) 7);
    return b;
  }

  static byte[] png() {
    return file(PNG_MAGIC, 64);
  }

  static CommandRuleException refusal(Runnable r) {
    try {
      r.run();
    } catch (CommandRuleException e) {
      return e;
    }
    throw new AssertionError("the file was accepted");
  }

  @Nested
  class Logo {

    @Test
    void pngAndJpegAreAcceptedWithTheirSniffedType() {
      RegistryImage p = RegistryImage.logo("stemma.png", png());
      assertThat(p.contentType()).isEqualTo("image/png");
      assertThat(p.fileName()).isEqualTo("stemma.png");
      assertThat(p.content()).isEqualTo(png());

      RegistryImage j = RegistryImage.logo("stemma.jpg", file(JPEG_MAGIC, 64));
      assertThat(j.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void typeComesFromContentNotFromName() {
      assertThat(RegistryImage.logo("stemma.pdf", png()).contentType()).isEqualTo("image/png");
      assertThat(RegistryImage.logo("stemma.png", file(JPEG_MAGIC, 10)).contentType())
          .isEqualTo("image/jpeg");

      CommandRuleException e =
          refusal(() -> RegistryImage.logo("stemma.png", "GIF89a....".getBytes()));
      assertThat(e.code()).isEqualTo("command.registry.file-type");
      assertThat(e.italianMessage())
          .isEqualTo("Formato del logo non ammesso: caricare un'immagine PNG o JPEG.");
    }

    @Test
    void pdfIsNotALogo() {
      CommandRuleException e = refusal(() -> RegistryImage.logo("stemma.pdf", file(PDF_MAGIC, 64)));
      assertThat(e.code()).isEqualTo("command.registry.file-type");
      assertThat(e.italianMessage()).doesNotContain("PDF");
    }

    @Test
    void upToOneMegabyte() {
      assertThat(RegistryImage.logo("a.png", file(PNG_MAGIC, 1024 * 1024)).content())
          .hasSize(RegistryImage.LOGO_MAX_BYTES);

      CommandRuleException e =
          refusal(() -> RegistryImage.logo("a.png", file(PNG_MAGIC, 1024 * 1024 + 1)));
      assertThat(e.code()).isEqualTo("command.registry.file-too-large");
      assertThat(e.italianMessage())
          .isEqualTo("Il file del logo supera 1 MB: ridurne la dimensione.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyFileIsRefused(byte[] content) {
      CommandRuleException e = refusal(() -> RegistryImage.logo("a.png", content));
      assertThat(e.code()).isEqualTo("command.registry.file-empty");
      assertThat(e.italianMessage()).isEqualTo("Il file del logo è vuoto.");
    }

    @Test
    void truncatedMagicIsRefused() {
      assertThat(refusal(() -> RegistryImage.logo("a.png", Arrays.copyOf(PNG_MAGIC, 7))).code())
          .isEqualTo("command.registry.file-type");
      assertThat(
              refusal(() -> RegistryImage.logo("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8}))
                  .code())
          .isEqualTo("command.registry.file-type");
    }

    @Test
    void contentIsCopied() {
      byte[] content = png();
      RegistryImage image = RegistryImage.logo("a.png", content);
      content[10] = 99;
      assertThat(image.content()[10]).isEqualTo((byte) 7);
    }
  }

  @Nested
  class Letterhead {

    @Test
    void pdfPngAndJpegAreAccepted() {
      assertThat(RegistryImage.letterhead("carta.pdf", file(PDF_MAGIC, 64)).contentType())
          .isEqualTo("application/pdf");
      assertThat(RegistryImage.letterhead("carta.png", png()).contentType()).isEqualTo("image/png");
      assertThat(RegistryImage.letterhead("carta.jpeg", file(JPEG_MAGIC, 64)).contentType())
          .isEqualTo("image/jpeg");
    }

    @Test
    void otherFormatsAreRefusedMentioningPdf() {
      CommandRuleException e =
          refusal(() -> RegistryImage.letterhead("carta.pdf", "<html>carta</html>".getBytes()));
      assertThat(e.code()).isEqualTo("command.registry.file-type");
      assertThat(e.italianMessage())
          .isEqualTo(
              "Formato della carta intestata non ammesso: caricare un'immagine PNG o JPEG o un"
                  + " PDF.");
    }

    @Test
    void upToFiveMegabytes() {
      assertThat(
              RegistryImage.letterhead("c.pdf", file(PDF_MAGIC, 5 * 1024 * 1024)).content().length)
          .isEqualTo(RegistryImage.LETTERHEAD_MAX_BYTES);

      CommandRuleException e =
          refusal(() -> RegistryImage.letterhead("c.pdf", file(PDF_MAGIC, 5 * 1024 * 1024 + 1)));
      assertThat(e.code()).isEqualTo("command.registry.file-too-large");
      assertThat(e.italianMessage())
          .isEqualTo("Il file della carta intestata supera 5 MB: ridurne la dimensione.");
    }

    @Test
    void emptyFileIsRefused() {
      CommandRuleException e = refusal(() -> RegistryImage.letterhead("c.pdf", new byte[0]));
      assertThat(e.code()).isEqualTo("command.registry.file-empty");
      assertThat(e.italianMessage()).isEqualTo("Il file della carta intestata è vuoto.");
    }
  }

  @Nested
  class FileName {

    @Test
    void unsafeCharactersAndPathsAreReplaced() {
      assertThat(RegistryImage.logo("../../etc/passwd", png()).fileName()).isEqualTo("passwd");
      assertThat(RegistryImage.logo("C:\\Users\\pl\\stemma città.png", png()).fileName())
          .isEqualTo("stemma citt_.png");
      assertThat(RegistryImage.logo("logo\"<script>.png", png()).fileName())
          .isEqualTo("logo__script_.png");
      assertThat(RegistryImage.logo("  stemma_2026-v1.png ", png()).fileName())
          .isEqualTo("stemma_2026-v1.png");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingNameGetsTheKindOfFile(String name) {
      assertThat(RegistryImage.logo(name, png()).fileName()).isEqualTo("logo");
      assertThat(RegistryImage.letterhead(name, png()).fileName()).isEqualTo("carta intestata");
    }

    @Test
    void longNamesKeepTheirLastHundredCharactersAndExtension() {
      String name = "a".repeat(150) + ".png";
      String kept = RegistryImage.logo(name, png()).fileName();
      assertThat(kept).hasSize(100).endsWith(".png");
    }
  }
}
