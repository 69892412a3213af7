package it.ksanctions.permissions.application;

import java.util.Optional;

/**
 * Port to the command's settings, where the Permissions context keeps its own values (the audit
 * retention period). The Command context owns the settings and implements this port, so
 * Permissions, which every other context uses, depends on no context above it.
 */
public interface SettingsStore {

  /** The current tenant's value of {@code key}, if set. */
  Optional<String> get(String key);

  /** Sets the current tenant's value of {@code key}, in the caller's transaction. */
  void put(String key, String value);
}
