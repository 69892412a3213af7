package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.shared.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The ZIP of photos that may come with a camera file: checked once when uploaded, then read one
 * photo at a time when someone looks at a detection. Refused as a whole when it is not a ZIP, when
 * an entry's name could leave its folder (path traversal), when it expands beyond {@value
 * #MAX_TOTAL_BYTES} bytes or {@value #MAX_ENTRIES} entries or with a suspicious ratio (a ZIP bomb),
 * or when an entry is not a JPEG or PNG image.
 */
public final class PhotoArchive {

  /** The largest total of uncompressed photos: 500 MB. */
  public static final long MAX_TOTAL_BYTES = 500L * 1024 * 1024;

  /** The largest photo: 20 MB. */
  public static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;

  public static final int MAX_ENTRIES = 200_000;

  private static final int MAX_RATIO = 100;

  private PhotoArchive() {}

  /**
   * The photo names the ZIP holds, after checking it.
   *
   * @throws SanctionsRuleException with the Italian reason when the ZIP is refused
   */
  public static Set<String> check(byte[] zip) {
    Set<String> names = new LinkedHashSet<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = in.getNextEntry()) != null) {
        any = true;
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        if (name.startsWith("/")
            || name.contains("..")
            || name.contains("\\")
            || name.contains(":")) {
          throw refused("contiene un percorso non ammesso: " + name);
        }
        String simple = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        if (names.size() >= MAX_ENTRIES) {
          throw refused("contiene più di " + MAX_ENTRIES + " file");
        }
        byte[] head = new byte[8];
        int headLength = in.readNBytes(head, 0, 8);
        long size = headLength + drain(in, MAX_PHOTO_BYTES - headLength);
        if (size > MAX_PHOTO_BYTES) {
          throw refused("la foto " + simple + " supera 20 MB");
        }
        total += size;
        if (total > MAX_TOTAL_BYTES || total > (long) zip.length * MAX_RATIO + 1024 * 1024) {
          throw refused(
              "si espande oltre i limiti consentiti (archivio compresso in modo anomalo)");
        }
        if (!isImage(head, headLength)) {
          throw refused("il file " + simple + " non è una foto JPEG o PNG");
        }
        names.add(simple.toLowerCase(Locale.ROOT));
      }
      if (!any) {
        throw refused("non è un archivio ZIP valido o è vuoto");
      }
    } catch (IOException e) {
      throw refused("non è un archivio ZIP leggibile");
    }
    return names;
  }

  /** The bytes of photo {@code name} (any folder, any case), if the ZIP holds it. */
  public static Optional<byte[]> photo(byte[] zip, String name) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String entryName = entry.getName();
        String simple =
            entryName.contains("/")
                ? entryName.substring(entryName.lastIndexOf('/') + 1)
                : entryName;
        if (!entry.isDirectory() && simple.equalsIgnoreCase(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          copy(in, out, MAX_PHOTO_BYTES);
          return Optional.of(out.toByteArray());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The media type of a photo by its first bytes. */
  public static String mediaType(byte[] photo) {
    return photo.length > 3 && (photo[0] & 0xFF) == 0x89 && photo[1] == 'P'
        ? "image/png"
        : "image/jpeg";
  }

  private static boolean isImage(byte[] head, int length) {
    boolean jpeg =
        length >= 3
            && (head[0] & 0xFF) == 0xFF
            && (head[1] & 0xFF) == 0xD8
            && (head[2] & 0xFF) == 0xFF;
    boolean png =
        length >= 8
            && (head[0] & 0xFF) == 0x89
            && head[1] == 'P'
            && head[2] == 'N'
            && head[3] == 'G';
    return jpeg || png;
  }

  private static long drain(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long n = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      n += read;
      if (n > limit) {
        return n;
      }
    }
    return n;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, long limit)
      throws IOException {
    byte[] buffer = new byte[8192];
    long n = 0;
    int read;
    while ((read = in.read(buffer)) > 0 && n <= limit) {
      out.write(buffer, 0, read);
      n += read;
    }
  }

  private static SanctionsRuleException refused(String why) {
    return new SanctionsRuleException(
        "sanctions.import.photos",
        "Archivio delle foto rifiutato: " + why + ".",
        RuleViolation.Kind.INVALID_INPUT);
  }
}
