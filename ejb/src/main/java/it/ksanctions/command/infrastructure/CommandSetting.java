package it.ksanctions.command.infrastructure;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One setting of the command (key and text value), in the tenant's own schema. Cached in the
 * second-level cache: the same key exists in many tenants, which is why cache keys carry the tenant
 * (the isolation test writes the same key in two tenants).
 */
@Entity
@Cacheable
@Table(name = "command_setting")
public class CommandSetting {

  /** Text shown on the command's home page, if set. */
  public static final String HOME_NOTICE = "home.notice";

  @Id
  @Column(name = "setting_key", length = 100)
  private String key;

  @Column(name = "setting_value", nullable = false)
  private String value;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected CommandSetting() {}

  public CommandSetting(String key, String value, Instant now) {
    if (key == null || key.isBlank() || key.length() > 100) {
      throw new IllegalArgumentException("A setting key has 1 to 100 characters");
    }
    this.key = key;
    change(value, now);
  }

  public final void change(String newValue, Instant now) {
    if (newValue == null) {
      throw new IllegalArgumentException("A setting value is required");
    }
    this.value = newValue;
    this.updatedAt = now;
  }

  public String getKey() {
    return key;
  }

  public String getValue() {
    return value;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
