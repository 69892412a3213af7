package it.ksanctions.sanctions;

import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.VehicleOwners.ImportReport;
import it.ksanctions.sanctions.application.VehicleOwners.Recorded;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * "Proprietari dei veicoli" (issue 13 item 5): the records of a plate (latest first), an owner
 * typed by hand and an owner-data file imported all or nothing with its per-row report.
 */
@Named
@ViewScoped
public class VehicleOwnersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject VehicleOwners owners;

  // search
  private String plate;
  private String country = "I";
  private List<VehicleOwner> history = List.of();
  private boolean searched;

  // manual form
  private String formPlate;
  private String formCountry = "I";
  private String name;
  private String taxCode;
  private String street;
  private String postcode;
  private String municipality;
  private String province;
  private String pec;

  // import
  private transient UploadedFile upload;
  private ImportReport report;

  public void search() {
    List<VehicleOwner> found = Feedback.attempt(() -> owners.history(plate, country), null);
    history = found == null ? List.of() : found;
    searched = found != null;
  }

  public void save() {
    OwnerData data =
        new OwnerData(
            formPlate, formCountry, name, taxCode, street, postcode, municipality, province, pec);
    Recorded recorded = Feedback.attempt(() -> owners.record(data), null);
    if (recorded == null) {
      return;
    }
    Feedback.info(
        recorded.created()
            ? "Proprietario della targa " + recorded.owner().plate() + " registrato."
            : "Dati identici all'ultima registrazione della targa "
                + recorded.owner().plate()
                + ": nulla da aggiungere.");
    plate = recorded.owner().plate();
    country = recorded.owner().country();
    clearForm();
    search();
  }

  public void importFile() {
    if (upload == null || upload.getSize() == 0) {
      Feedback.error("Scegliere un file CSV non vuoto.");
      return;
    }
    ImportReport result =
        Feedback.attempt(
            () -> {
              try (InputStream in = upload.getInputStream()) {
                return owners.importFile(in, upload.getFileName());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            null);
    if (result != null) {
      report = result;
      if (result.accepted()) {
        Feedback.info(
            "Importazione completata: "
                + result.stored()
                + " proprietari registrati, "
                + result.unchanged()
                + " righe identiche all'ultima registrazione.");
      } else {
        Feedback.importRejected(result.problems().size(), "nessun proprietario registrato");
      }
    }
  }

  private void clearForm() {
    formPlate = null;
    formCountry = "I";
    name = null;
    taxCode = null;
    street = null;
    postcode = null;
    municipality = null;
    province = null;
    pec = null;
  }

  public List<VehicleOwner> getHistory() {
    return history;
  }

  public boolean isSearched() {
    return searched;
  }

  public ImportReport getReport() {
    return report;
  }

  public String getPlate() {
    return plate;
  }

  public void setPlate(String plate) {
    this.plate = plate;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getFormPlate() {
    return formPlate;
  }

  public void setFormPlate(String formPlate) {
    this.formPlate = formPlate;
  }

  public String getFormCountry() {
    return formCountry;
  }

  public void setFormCountry(String formCountry) {
    this.formCountry = formCountry;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String taxCode) {
    this.taxCode = taxCode;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public String getMunicipality() {
    return municipality;
  }

  public void setMunicipality(String municipality) {
    this.municipality = municipality;
  }

  public String getProvince() {
    return province;
  }

  public void setProvince(String province) {
    this.province = province;
  }

  public String getPec() {
    return pec;
  }

  public void setPec(String pec) {
    this.pec = pec;
  }

  public UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(UploadedFile upload) {
    this.upload = upload;
  }
}
