package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.domain.SecurityChangeKind;
import it.ksanctions.permissions.domain.SecurityHistoryEntry;
import it.ksanctions.permissions.domain.SecuritySubject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One entry of the security history (PRM-8): who changed what, when, from what, to what, why. */
@Entity
@Immutable
@Table(name = "security_history")
public class SecurityHistoryRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Column(name = "author", nullable = false)
  private String author;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", nullable = false)
  private SecuritySubject.Kind subjectKind;

  @Column(name = "subject_id", nullable = false)
  private String subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind", nullable = false)
  private SecurityChangeKind change;

  @Column(name = "old_value", nullable = false)
  private String oldValue;

  @Column(name = "new_value", nullable = false)
  private String newValue;

  @Column(name = "reason", nullable = false)
  private String reason;

  protected SecurityHistoryRow() {}

  public static SecurityHistoryRow of(SecurityHistoryEntry entry) {
    SecurityHistoryRow row = new SecurityHistoryRow();
    row.at = entry.at();
    row.author = entry.author();
    row.subjectKind = entry.subject().kind();
    row.subjectId = entry.subject().id();
    row.change = entry.change();
    row.oldValue = entry.oldValue();
    row.newValue = entry.newValue();
    row.reason = entry.reason();
    return row;
  }

  public SecurityHistoryEntry toDomain() {
    return new SecurityHistoryEntry(
        at,
        author,
        new SecuritySubject(subjectKind, subjectId),
        change,
        oldValue,
        newValue,
        reason);
  }
}
