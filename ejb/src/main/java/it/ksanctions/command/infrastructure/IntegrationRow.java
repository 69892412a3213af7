package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.ConnectionTestOutcome;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.IntegrationSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One configured integration of the tenant: its non-secret settings as a JSON object, who changed
 * it last, and the outcome of its last connection test. Its secrets are {@link
 * IntegrationSecretRow}s.
 */
@Entity
@Table(name = "integration_credential")
public class IntegrationRow {

  @Id
  @Enumerated(EnumType.STRING)
  private IntegrationKind kind;

  private String settings;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "last_test_at")
  private Instant lastTestAt;

  @Column(name = "last_test_ok")
  private Boolean lastTestOk;

  @Column(name = "last_test_message")
  private String lastTestMessage;

  protected IntegrationRow() {}

  public IntegrationRow(IntegrationKind kind) {
    this.kind = kind;
  }

  public IntegrationKind kind() {
    return kind;
  }

  public IntegrationSettings settings() {
    Map<String, String> values = new LinkedHashMap<>();
    if (settings != null) {
      try (JsonReader reader = Json.createReader(new StringReader(settings))) {
        JsonObject object = reader.readObject();
        object.forEach(
            (name, value) -> {
              if (value instanceof JsonString text) {
                values.put(name, text.getString());
              }
            });
      }
    }
    return IntegrationSettings.stored(kind, values);
  }

  public void change(IntegrationSettings changed, Instant at, String by) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    changed.values().forEach(json::add);
    this.settings = json.build().toString();
    this.updatedAt = at;
    this.updatedBy = by;
  }

  public void tested(ConnectionTestOutcome outcome) {
    this.lastTestAt = outcome.at();
    this.lastTestOk = outcome.ok();
    this.lastTestMessage = outcome.message();
  }

  public Optional<ConnectionTestOutcome> lastTest() {
    return lastTestAt == null
        ? Optional.empty()
        : Optional.of(
            new ConnectionTestOutcome(
                lastTestAt, Boolean.TRUE.equals(lastTestOk), lastTestMessage));
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
