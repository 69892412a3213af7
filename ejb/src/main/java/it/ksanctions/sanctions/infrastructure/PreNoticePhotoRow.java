package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.Photo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One photo of a pre-notice, by its position (column {@code ordinal}, 1 to 6). */
@Entity
@Table(name = "pre_notice_photo")
@IdClass(PreNoticePhotoRow.Key.class)
public class PreNoticePhotoRow {

  /** The primary key: pre-notice and position. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID preNoticeId;
    private int ordinal;

    public Key() {}

    public Key(UUID preNoticeId, int ordinal) {
      this.preNoticeId = preNoticeId;
      this.ordinal = ordinal;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.ordinal == ordinal
          && Objects.equals(k.preNoticeId, preNoticeId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(preNoticeId, ordinal);
    }
  }

  @Id
  @Column(name = "pre_notice_id")
  private UUID preNoticeId;

  @Id private int ordinal;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Column(nullable = false)
  private String sha256;

  @Column(nullable = false)
  private byte[] content;

  protected PreNoticePhotoRow() {}

  public PreNoticePhotoRow(UUID preNoticeId, int position, Photo photo) {
    this.preNoticeId = preNoticeId;
    this.ordinal = position;
    this.contentType = photo.contentType();
    this.sizeBytes = photo.size();
    this.sha256 = photo.sha256();
    this.content = photo.content();
  }

  public int position() {
    return ordinal;
  }

  public String contentType() {
    return contentType;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content.clone();
  }
}
