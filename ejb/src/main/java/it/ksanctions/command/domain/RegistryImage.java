package it.ksanctions.command.domain;

import java.util.Arrays;

/**
 * The logo or the letterhead of the command (CMD-1 "Logo e intestazione ufficiale"), checked by
 * content, not by file name: a logo is a PNG or JPEG up to 1 MB, a letterhead a PNG, JPEG or PDF up
 * to 5 MB.
 */
public record RegistryImage(String fileName, String contentType, byte[] content) {

  public static final int LOGO_MAX_BYTES = 1024 * 1024;
  public static final int LETTERHEAD_MAX_BYTES = 5 * 1024 * 1024;

  /** A logo, or a rule exception saying why the file is refused. */
  public static RegistryImage logo(String fileName, byte[] content) {
    return of(fileName, content, LOGO_MAX_BYTES, false, "logo", "del logo");
  }

  /** A letterhead, or a rule exception saying why the file is refused. */
  public static RegistryImage letterhead(String fileName, byte[] content) {
    return of(
        fileName, content, LETTERHEAD_MAX_BYTES, true, "carta intestata", "della carta intestata");
  }

  private static RegistryImage of(
      String fileName,
      byte[] content,
      int maxBytes,
      boolean pdfAllowed,
      String what,
      String ofWhat) {
    if (content == null || content.length == 0) {
      throw new CommandRuleException(
          "command.registry.file-empty", "Il file " + ofWhat + " è vuoto.");
    }
    if (content.length > maxBytes) {
      throw new CommandRuleException(
          "command.registry.file-too-large",
          "Il file "
              + ofWhat
              + " supera "
              + (maxBytes / (1024 * 1024))
              + " MB: ridurne la dimensione.");
    }
    String type = sniff(content);
    if (type == null || ("application/pdf".equals(type) && !pdfAllowed)) {
      throw new CommandRuleException(
          "command.registry.file-type",
          "Formato "
              + ofWhat
              + " non ammesso: caricare un'immagine PNG o JPEG"
              + (pdfAllowed ? " o un PDF." : "."));
    }
    String name = fileName == null || fileName.isBlank() ? what : fileName.strip();
    // Some browsers send the whole client path: keep the last segment only.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    if (name.isBlank()) {
      name = what;
    }
    name = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    return new RegistryImage(name, type, content.clone());
  }

  /** The content type read from the file's first bytes, or null when not an accepted type. */
  static String sniff(byte[] c) {
    if (c.length >= 8
        && Arrays.equals(
            Arrays.copyOf(c, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
      return "application/pdf";
    }
    return null;
  }
}
