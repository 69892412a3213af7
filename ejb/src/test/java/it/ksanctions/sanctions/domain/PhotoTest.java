package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhotoTest {

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J'};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

  @Test
  void jpegAndPngAreRecognisedByTheirContent() {
    Photo jpeg = Photo.of(JPEG);
    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(jpeg.size()).isEqualTo(JPEG.length);
    assertThat(jpeg.sha256()).hasSize(64);
    assertThat(Photo.of(PNG).contentType()).isEqualTo("image/png");
  }

  @Test
  void otherContentIsRefusedWhateverItsName() {
    assertThatThrownBy(() -> Photo.of("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PHOTO_TYPE);
    assertThatThrownBy(() -> Photo.of(new byte[] {(byte) 0x89, 'P'}))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PHOTO_TYPE);
    assertThatThrownBy(() -> Photo.of(new byte[0]))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PHOTO_EMPTY);
    assertThatThrownBy(() -> Photo.of(null))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PHOTO_EMPTY);
  }

  @Test
  void photosOverTheLimitAreRefused() {
    byte[] big = new byte[Photo.MAX_BYTES + 1];
    System.arraycopy(JPEG, 0, big, 0, JPEG.length);
    assertThatThrownBy(() -> Photo.of(big))
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(SanctionsRule.PHOTO_TOO_LARGE);
    byte[] atLimit = new byte[Photo.MAX_BYTES];
    System.arraycopy(JPEG, 0, atLimit, 0, JPEG.length);
    assertThat(Photo.of(atLimit).size()).isEqualTo(Photo.MAX_BYTES);
  }

  @Test
  void theContentIsCopied() {
    byte[] bytes = JPEG.clone();
    Photo photo = Photo.of(bytes);
    bytes[0] = 0;
    assertThat(photo.content()[0]).isEqualTo((byte) 0xFF);
    photo.content()[0] = 0;
    assertThat(photo.content()[0]).isEqualTo((byte) 0xFF);
  }
}
