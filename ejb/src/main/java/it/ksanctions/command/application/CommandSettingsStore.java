package it.ksanctions.command.application;

import it.ksanctions.permissions.application.SettingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The command's settings ({@link CommandSettings}) as the Permissions context's settings port. */
@ApplicationScoped
public class CommandSettingsStore implements SettingsStore {

  @Inject CommandSettings settings;

  @Override
  public Optional<String> get(String key) {
    return settings.get(key);
  }

  @Override
  public void put(String key, String value) {
    settings.put(key, value);
  }
}
