package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored {@link ConfigChange}; never changed after insertion. */
@Entity
@Table(name = "config_change")
public class ConfigChangeRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant at;
  private String author;

  @Enumerated(EnumType.STRING)
  private ConfigCategory category;

  private String item;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  private String reference;

  protected ConfigChangeRow() {}

  public static ConfigChangeRow of(ConfigChange change) {
    ConfigChangeRow row = new ConfigChangeRow();
    row.at = change.at();
    row.author = change.author();
    row.category = change.category();
    row.item = change.item();
    row.oldValue = change.oldValue();
    row.newValue = change.newValue();
    row.reference = change.reference();
    return row;
  }

  public ConfigChange toDomain() {
    return new ConfigChange(at, author, category, item, oldValue, newValue, reference);
  }
}
