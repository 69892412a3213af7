package it.ksanctions.sanctions.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an imported file and of its photo ZIP (table {@code camera_import_file}). */
@Entity
@Table(name = "camera_import_file")
public class CameraImportFileRow {

  @Id
  @Column(name = "import_id")
  private Long importId;

  private byte[] content;

  private byte[] photos;

  protected CameraImportFileRow() {}

  public CameraImportFileRow(long importId, byte[] content, byte[] photos) {
    this.importId = importId;
    this.content = content;
    this.photos = photos;
  }

  public byte[] content() {
    return content;
  }

  public byte[] photos() {
    return photos;
  }
}
