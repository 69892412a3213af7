package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.RegistryImage;
import it.ksanctions.command.domain.SignatureKind;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The one row of the command's registry, with its logo and letterhead. */
@Entity
@Table(name = "command_registry")
public class RegistryRow {

  public static final short ID = 1;

  @Id private Short id;

  @Column(name = "official_name")
  private String officialName;

  @Enumerated(EnumType.STRING)
  @Column(name = "body_kind")
  private BodyKind bodyKind;

  @Column(name = "parent_body_name")
  private String parentBodyName;

  @Column(name = "tax_code")
  private String taxCode;

  @Column(name = "vat_number")
  private String vatNumber;

  private String street;

  @Column(name = "postal_code")
  private String postalCode;

  private String city;
  private String province;
  private String phone;
  private String email;
  private String pec;
  private String website;

  @Column(name = "command_manager")
  private String commandManager;

  @Column(name = "procedure_manager")
  private String procedureManager;

  @Enumerated(EnumType.STRING)
  @Column(name = "signature_kind")
  private SignatureKind signatureKind;

  @Column(name = "signature_holder")
  private String signatureHolder;

  @Column(name = "signature_valid_until")
  private LocalDate signatureValidUntil;

  @Basic(fetch = FetchType.LAZY)
  private byte[] logo;

  @Column(name = "logo_name")
  private String logoName;

  @Column(name = "logo_type")
  private String logoType;

  @Basic(fetch = FetchType.LAZY)
  private byte[] letterhead;

  @Column(name = "letterhead_name")
  private String letterheadName;

  @Column(name = "letterhead_type")
  private String letterheadType;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @Version private int version;

  protected RegistryRow() {}

  public static RegistryRow first(CommandRegistry registry, Instant at, String by) {
    RegistryRow row = new RegistryRow();
    row.id = ID;
    row.apply(registry, at, by);
    return row;
  }

  public void apply(CommandRegistry r, Instant at, String by) {
    officialName = r.officialName();
    bodyKind = r.bodyKind();
    parentBodyName = r.parentBodyName();
    taxCode = r.taxCode();
    vatNumber = r.vatNumber();
    street = r.street();
    postalCode = r.postalCode();
    city = r.city();
    province = r.province();
    phone = r.phone();
    email = r.email();
    pec = r.pec();
    website = r.website();
    commandManager = r.commandManager();
    procedureManager = r.procedureManager();
    signatureKind = r.signatureKind() == null ? SignatureKind.NONE : r.signatureKind();
    signatureHolder = r.signatureHolder();
    signatureValidUntil = r.signatureValidUntil();
    updatedAt = at;
    updatedBy = by;
  }

  public CommandRegistry toDomain() {
    return new CommandRegistry(
        officialName,
        bodyKind,
        parentBodyName,
        taxCode,
        vatNumber,
        street,
        postalCode,
        city,
        province,
        phone,
        email,
        pec,
        website,
        commandManager,
        procedureManager,
        signatureKind,
        signatureHolder,
        signatureValidUntil);
  }

  public void setLogo(RegistryImage image, Instant at, String by) {
    logo = image.content();
    logoName = image.fileName();
    logoType = image.contentType();
    updatedAt = at;
    updatedBy = by;
  }

  public void setLetterhead(RegistryImage image, Instant at, String by) {
    letterhead = image.content();
    letterheadName = image.fileName();
    letterheadType = image.contentType();
    updatedAt = at;
    updatedBy = by;
  }

  public RegistryImage logo() {
    return logo == null ? null : new RegistryImage(logoName, logoType, logo);
  }

  public RegistryImage letterhead() {
    return letterhead == null
        ? null
        : new RegistryImage(letterheadName, letterheadType, letterhead);
  }

  public String logoName() {
    return logoName;
  }

  public String letterheadName() {
    return letterheadName;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
