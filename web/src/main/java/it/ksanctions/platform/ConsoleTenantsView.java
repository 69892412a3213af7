package it.ksanctions.platform;

import it.ksanctions.platform.application.TenantAdministration;
import it.ksanctions.platform.application.TenantAdministration.TenantRow;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The console's tenant list: status, search by slug, name or host, migration, last activity. */
@Named
@ViewScoped
public class ConsoleTenantsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TenantAdministration administration;

  private String text;
  private TenantStatus status;
  private transient List<TenantRow> rows;

  @PostConstruct
  void init() {
    search();
  }

  public void search() {
    rows = administration.search(text, status);
  }

  public List<TenantRow> getRows() {
    if (rows == null) {
      search();
    }
    return rows;
  }

  public TenantStatus[] getStatuses() {
    return TenantStatus.values();
  }

  public static String statusLabel(TenantStatus status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case PROVISIONING -> "In attivazione";
      case FAILED -> "Attivazione non riuscita";
      case ACTIVE -> "Attivo";
      case SUSPENDED -> "Sospeso";
    };
  }

  public String label(TenantStatus s) {
    return statusLabel(s);
  }

  public String format(Instant instant) {
    return ConsoleSupport.format(instant);
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public void setStatus(TenantStatus status) {
    this.status = status;
  }
}
