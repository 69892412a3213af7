package it.ksanctions.command.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@link MasterKeys} as MicroProfile Config has them now (environment {@code
 * KSANCTIONS_CREDENTIALS_MASTER_KEYS} and {@code KSANCTIONS_CREDENTIALS_CURRENT_KEY_VERSION}). Read
 * at each use, not at start-up: a missing key is an error of the operation that needs it, and a new
 * key version takes effect without a redeployment where the config source allows it.
 */
@ApplicationScoped
public class ConfiguredMasterKeys {

  public MasterKeys current() {
    Config config = ConfigProvider.getConfig(ConfiguredMasterKeys.class.getClassLoader());
    return MasterKeys.parse(
        config.getOptionalValue(MasterKeys.KEYS_PROPERTY, String.class).orElse(null),
        config.getOptionalValue(MasterKeys.CURRENT_PROPERTY, String.class).orElse(null));
  }

  public SecretCipher cipher() {
    return new SecretCipher(current());
  }
}
