package it.ksanctions.sanctions.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A photo of a pre-notice, checked by its content rather than its name or declared type: a JPEG
 * starts with {@code FF D8 FF}, a PNG with its eight-byte signature; anything else, an empty file
 * or one over {@value #MAX_BYTES} bytes is refused. The SHA-256 is kept with it, so that the photo
 * shown later can be proved to be the one received.
 */
public record Photo(String contentType, byte[] content, String sha256) {

  /** 2 MB: a field photo compressed by the app; the batch stays within the server's post size. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** At most this many photos per pre-notice. */
  public static final int MAX_PER_PRE_NOTICE = 6;

  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";

  private static final byte[] PNG_SIGNATURE = {
    (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A
  };

  /**
   * A photo from its bytes, its type detected from the content.
   *
   * @throws SanctionsRuleException when empty, too large, or neither JPEG nor PNG
   */
  public static Photo of(byte[] content) {
    if (content == null || content.length == 0) {
      throw new SanctionsRuleException(SanctionsRule.PHOTO_EMPTY);
    }
    if (content.length > MAX_BYTES) {
      throw new SanctionsRuleException(SanctionsRule.PHOTO_TOO_LARGE, content.length + " bytes");
    }
    String type = detectType(content);
    if (type == null) {
      throw new SanctionsRuleException(SanctionsRule.PHOTO_TYPE);
    }
    return new Photo(type, content.clone(), sha256(content));
  }

  /** The content type of a JPEG or PNG image, null for anything else. */
  static String detectType(byte[] content) {
    if (content.length >= 3
        && (content[0] & 0xFF) == 0xFF
        && (content[1] & 0xFF) == 0xD8
        && (content[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (content.length >= PNG_SIGNATURE.length) {
      for (int i = 0; i < PNG_SIGNATURE.length; i++) {
        if (content[i] != PNG_SIGNATURE[i]) {
          return null;
        }
      }
      return PNG;
    }
    return null;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public int size() {
    return content.length;
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Photo p && p.sha256.equals(sha256);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }

  @Override
  public String toString() {
    return "Photo[" + contentType + ", " + content.length + " bytes, " + sha256 + "]";
  }
}
