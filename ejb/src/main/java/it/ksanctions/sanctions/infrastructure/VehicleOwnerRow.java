package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.sanctions.domain.OwnerKind;
import it.ksanctions.sanctions.domain.OwnerSource;
import it.ksanctions.sanctions.domain.VehicleOwner;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One owner record of a plate (table {@code vehicle_owner}); never changed once written. */
@Entity
@Table(name = "vehicle_owner")
public class VehicleOwnerRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String plate;
  private String country;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_kind")
  private OwnerKind kind;

  private String name;

  @Column(name = "tax_code")
  private String taxCode;

  private String street;
  private String postcode;
  private String municipality;
  private String province;
  private String pec;

  @Enumerated(EnumType.STRING)
  private OwnerSource source;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  protected VehicleOwnerRow() {}

  public static VehicleOwnerRow of(VehicleOwner owner) {
    VehicleOwnerRow row = new VehicleOwnerRow();
    row.plate = owner.plate();
    row.country = owner.country();
    row.kind = owner.kind();
    row.name = owner.name();
    row.taxCode = owner.taxCode();
    row.street = owner.street();
    row.postcode = owner.postcode();
    row.municipality = owner.municipality();
    row.province = owner.province();
    row.pec = owner.pec();
    row.source = owner.source();
    row.fileName = owner.fileName();
    row.recordedAt = owner.recordedAt();
    row.recordedBy = owner.recordedBy();
    return row;
  }

  public Long id() {
    return id;
  }

  public VehicleOwner toDomain() {
    return new VehicleOwner(
        plate,
        country,
        kind,
        name,
        taxCode,
        street,
        postcode,
        municipality,
        province,
        pec,
        source,
        fileName,
        recordedAt,
        recordedBy);
  }
}
