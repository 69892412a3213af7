package it.ksanctions.portal.domain;

import it.ksanctions.shared.RuleViolation.Kind;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a citizen attaches to a request. The type is detected from the content (the first
 * bytes), never trusted from the name or the browser: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF})
 * or PNG ({@code 89 50 4E 47 0D 0A 1A 0A}); the name's extension must then match the detected type
 * ({@code .pdf}; {@code .jpg} or {@code .jpeg}; {@code .png}; any case), so a file whose extension
 * lies is refused. A file is at most {@value #MAX_FILE_BYTES} bytes (10 MiB) and not empty; a
 * request has at most {@value #MAX_FILES} files and {@value #MAX_REQUEST_BYTES} bytes (25 MiB) in
 * all. The name is sanitised for storage: see {@link #sanitiseFileName(String)}.
 */
public final class AttachmentCheck {

  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  public static final long MAX_REQUEST_BYTES = 25L * 1024 * 1024;
  public static final int MAX_FILES = 5;
  public static final int MAX_NAME_LENGTH = 120;

  /** How many leading bytes the type detection needs. */
  public static final int HEAD_BYTES = 8;

  private static final String FALLBACK_NAME = "allegato";

  /** The accepted file types. */
  public enum Type {
    PDF("application/pdf", "un documento PDF", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
    JPEG(
        "image/jpeg",
        "un'immagine JPEG",
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
        "jpg",
        "jpeg"),
    PNG(
        "image/png",
        "un'immagine PNG",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        "png");

    private final String mediaType;
    private final String italianName;
    private final byte[] signature;
    private final List<String> extensions;

    Type(String mediaType, String italianName, byte[] signature, String... extensions) {
      this.mediaType = mediaType;
      this.italianName = italianName;
      this.signature = signature;
      this.extensions = List.of(extensions);
    }

    /** The type whose signature {@code head} starts with, if any. */
    public static Optional<Type> detect(byte[] head) {
      if (head == null) {
        return Optional.empty();
      }
      for (Type type : values()) {
        if (startsWith(head, type.signature)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    public String mediaType() {
      return mediaType;
    }

    /** The extensions (lower case, no dot) a name of this type may end with. */
    public List<String> extensions() {
      return extensions;
    }

    /** Whether {@code fileName} ends with one of this type's extensions, in any case. */
    public boolean matchesName(String fileName) {
      return extensionOf(fileName).map(extensions::contains).orElse(false);
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
      if (head.length < signature.length) {
        return false;
      }
      for (int i = 0; i < signature.length; i++) {
        if (head[i] != signature[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A file that passed the checks.
   *
   * @param storageName the sanitised name to store and show
   * @param type the type detected from the content
   * @param size the size in bytes
   */
  public record Checked(String storageName, Type type, long size) {
    public Checked {
      Objects.requireNonNull(storageName, "storageName");
      Objects.requireNonNull(type, "type");
    }
  }

  private AttachmentCheck() {}

  /** Checks one file held in memory. */
  public static Checked checkFile(String fileName, byte[] content) {
    Objects.requireNonNull(content, "content");
    return checkFile(fileName, content.length, content);
  }

  /**
   * Checks one file from its name, its size and its first bytes (at least {@value #HEAD_BYTES} of
   * them, or the whole file if shorter), so that a large upload need not be held in memory.
   *
   * @throws PortalRuleException (invalid input) {@code portal.attachment.empty}, {@code
   *     portal.attachment.too-large}, {@code portal.attachment.type-not-allowed} or {@code
   *     portal.attachment.extension-mismatch}, each naming the file
   */
  public static Checked checkFile(String fileName, long size, byte[] head) {
    String name = sanitiseFileName(fileName);
    if (size <= 0) {
      throw refused("portal.attachment.empty", "Il file «" + name + "» è vuoto.");
    }
    if (size > MAX_FILE_BYTES) {
      throw refused(
          "portal.attachment.too-large",
          "Il file «"
              + name
              + "» pesa "
              + megabytes(size)
              + ": ogni allegato può pesare al massimo 10 MB.");
    }
    Type type =
        Type.detect(head)
            .orElseThrow(
                () ->
                    refused(
                        "portal.attachment.type-not-allowed",
                        "Il file «"
                            + name
                            + "» non è un documento PDF né un'immagine JPEG o PNG: si possono"
                            + " allegare soltanto file di questi tipi."));
    if (!type.matchesName(name)) {
      throw refused(
          "portal.attachment.extension-mismatch",
          "Il file «"
              + name
              + "» contiene "
              + type.italianName
              + " ma il nome non termina con "
              + String.join(" o ", type.extensions.stream().map(e -> "." + e).toList())
              + ": si rinomini il file o si alleghi il file corretto.");
    }
    return new Checked(name, type, size);
  }

  /**
   * Checks the files of one request together: at most {@value #MAX_FILES} files and {@value
   * #MAX_REQUEST_BYTES} bytes in all. The message names the first file over a limit.
   *
   * @throws PortalRuleException (invalid input) {@code portal.attachment.too-many} or {@code
   *     portal.attachment.request-too-large}
   */
  public static void checkRequest(List<Checked> files) {
    Objects.requireNonNull(files, "files");
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      Checked file = files.get(i);
      if (i >= MAX_FILES) {
        throw refused(
            "portal.attachment.too-many",
            "Il file «"
                + file.storageName()
                + "» non si può allegare: una richiesta può avere al massimo "
                + MAX_FILES
                + " allegati.");
      }
      total += file.size();
      if (total > MAX_REQUEST_BYTES) {
        throw refused(
            "portal.attachment.request-too-large",
            "Il file «"
                + file.storageName()
                + "» non si può allegare: gli allegati di una richiesta possono pesare al massimo"
                + " 25 MB in tutto, con questo file si arriva a "
                + megabytes(total)
                + ".");
      }
    }
  }

  /**
   * The name to store: only the part after the last {@code /} or {@code \} (browsers may send a
   * path), Unicode NFC, without control and invisible formatting characters (such as the
   * right-to-left override that disguises an extension), with {@code : * ? " < > |} replaced by
   * {@code _}, without leading dots and surrounding blanks, and at most {@value #MAX_NAME_LENGTH}
   * characters, shortened before the extension. A name left empty becomes {@code allegato}.
   */
  public static String sanitiseFileName(String fileName) {
    String name = fileName == null ? "" : fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (Character.isISOControl(cp)
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.UNASSIGNED
                  || type == Character.PRIVATE_USE
                  || type == Character.SURROGATE) {
                return;
              }
              clean.appendCodePoint(":*?\"<>|/\\".indexOf(cp) >= 0 ? '_' : cp);
            });
    name = clean.toString().strip();
    int start = 0;
    while (start < name.length() && name.charAt(start) == '.') {
      start++;
    }
    name = name.substring(start).strip();
    if (name.isEmpty()) {
      return FALLBACK_NAME;
    }
    if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String base = name.substring(0, name.length() - extension.length());
    int keep = MAX_NAME_LENGTH - extension.length();
    String shortened = base.substring(0, base.offsetByCodePoints(0, keep)).strip();
    return (shortened.isEmpty() ? FALLBACK_NAME : shortened) + extension;
  }

  private static Optional<String> extensionOf(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The size in MB (MiB) with one decimal, rounded up so that a size over a limit reads over. */
  private static String megabytes(long bytes) {
    double tenths = Math.ceil(bytes * 10.0 / (1024.0 * 1024.0));
    return String.format(Locale.ITALY, "%.1f MB", tenths / 10.0);
  }

  private static PortalRuleException refused(String code, String italianMessage) {
    return new PortalRuleException(code, italianMessage, Kind.INVALID_INPUT);
  }
}
