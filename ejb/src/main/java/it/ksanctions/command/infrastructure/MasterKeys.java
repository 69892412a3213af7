package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.CommandRuleException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that encrypt the integration secrets (PLT-6), from MicroProfile Config: {@code
 * ksanctions.credentials.master-keys} lists {@code version:base64} pairs separated by commas (each
 * key 32 random bytes, e.g. {@code openssl rand -base64 32}); {@code
 * ksanctions.credentials.current-key-version} names the one new secrets use (default: the highest).
 * Old versions stay listed until a rotation has re-encrypted every secret under the current one.
 *
 * <p>A missing or malformed key is reported when credentials are saved or read, with a message that
 * names the version but never shows key material; the server starts without keys.
 */
public final class MasterKeys {

  public static final String KEYS_PROPERTY = "ksanctions.credentials.master-keys";
  public static final String CURRENT_PROPERTY = "ksanctions.credentials.current-key-version";

  private final Map<Integer, SecretKey> keys;
  private final int current;

  private MasterKeys(Map<Integer, SecretKey> keys, int current) {
    this.keys = Collections.unmodifiableMap(keys);
    this.current = current;
  }

  /**
   * Parses the configured keys.
   *
   * @param spec the value of {@value #KEYS_PROPERTY} (null when not configured)
   * @param currentVersion the value of {@value #CURRENT_PROPERTY} (null: the highest version)
   */
  public static MasterKeys parse(String spec, String currentVersion) {
    if (spec == null || spec.isBlank()) {
      throw new CommandRuleException(
          "command.credentials.key-missing",
          "La chiave di cifratura delle credenziali non è configurata ("
              + KEYS_PROPERTY
              + "): le credenziali delle integrazioni non si possono salvare né leggere."
              + " Contattare l'assistenza.");
    }
    Map<Integer, SecretKey> keys = new TreeMap<>();
    int position = 0;
    for (String entry : spec.split(",")) {
      position++;
      String item = entry.strip();
      int colon = item.indexOf(':');
      int version;
      try {
        version = colon < 1 ? -1 : Integer.parseInt(item.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        version = -1;
      }
      if (version < 1) {
        throw invalid("la voce n. " + position + " non ha la forma versione:chiave");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(item.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw invalid("la chiave versione " + version + " non è Base64 valido");
      }
      if (key.length != 32) {
        throw invalid(
            "la chiave versione "
                + version
                + " deve essere di 32 byte (AES-256), non "
                + key.length);
      }
      if (keys.put(version, new SecretKeySpec(key, "AES")) != null) {
        throw invalid("la versione " + version + " compare due volte");
      }
    }
    int current;
    if (currentVersion == null || currentVersion.isBlank()) {
      current = ((TreeMap<Integer, SecretKey>) keys).lastKey();
    } else {
      try {
        current = Integer.parseInt(currentVersion.strip());
      } catch (NumberFormatException e) {
        throw invalid(CURRENT_PROPERTY + " deve essere un numero di versione");
      }
    }
    if (!keys.containsKey(current)) {
      throw new CommandRuleException(
          "command.credentials.key-missing",
          "La chiave di cifratura corrente (versione "
              + current
              + ") non è tra quelle configurate ("
              + KEYS_PROPERTY
              + "). Contattare l'assistenza.");
    }
    return new MasterKeys(keys, current);
  }

  private static CommandRuleException invalid(String detail) {
    return new CommandRuleException(
        "command.credentials.key-invalid",
        "Chiavi di cifratura delle credenziali non valide ("
            + KEYS_PROPERTY
            + "): "
            + detail
            + ". Contattare l'assistenza.");
  }

  /** The version new secrets are encrypted with. */
  public int currentVersion() {
    return current;
  }

  public boolean has(int version) {
    return keys.containsKey(version);
  }

  /** The key of {@code version}, or a clear error naming the version. */
  public SecretKey key(int version) {
    SecretKey key = keys.get(version);
    if (key == null) {
      throw new CommandRuleException(
          "command.credentials.key-unknown",
          "Un segreto è cifrato con la chiave versione "
              + version
              + ", che non è più configurata: ripristinare la chiave ("
              + KEYS_PROPERTY
              + ") o inserire di nuovo il segreto.");
    }
    return key;
  }

  @Override
  public String toString() {
    return "MasterKeys[versions=" + keys.keySet() + ", current=" + current + "]";
  }
}
