package it.ksanctions.web;

import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.web.CurrentTenant;
import it.ksanctions.tenancy.web.TenantRejection;
import it.ksanctions.web.backoffice.AdminAccessFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;

/** Texts of the error pages (404, 403, 500), with the tenant-specific reasons. */
@Named
@RequestScoped
public class ErrorView {

  @Inject CurrentTenant currentTenant;

  private Map<String, Object> request() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
  }

  public int getStatus() {
    Object status = request().get(RequestDispatcher.ERROR_STATUS_CODE);
    return status instanceof Integer code ? code : 500;
  }

  /** The command's name when the request named a known tenant (e.g. a suspended one). */
  public String getBrand() {
    return currentTenant.find().map(TenantSnapshot::displayName).orElse("K-Sanctions");
  }

  public String getTitle() {
    TenantRejection rejection = currentTenant.rejection().orElse(null);
    if (rejection == TenantRejection.SUSPENDED) {
      return "Servizio sospeso";
    }
    if (rejection == TenantRejection.NOT_FOUND) {
      return "Comando non trovato";
    }
    return switch (getStatus()) {
      case 404 -> "Pagina non trovata";
      case 403 -> "Accesso non consentito";
      default -> "Si è verificato un errore";
    };
  }

  public String getMessage() {
    TenantRejection rejection = currentTenant.rejection().orElse(null);
    TenantSnapshot tenant = currentTenant.find().orElse(null);
    if (rejection == TenantRejection.SUSPENDED) {
      String who = tenant == null ? "questo comando" : tenant.displayName();
      return "Il servizio K-Sanctions per "
          + who
          + " è temporaneamente sospeso. Per informazioni rivolgersi al comando di Polizia Locale.";
    }
    if (rejection == TenantRejection.NOT_FOUND) {
      return "L'indirizzo non corrisponde a nessun comando di Polizia Locale servito da K-Sanctions."
          + " Verificare l'indirizzo ricevuto.";
    }
    if (request().get(AdminAccessFilter.FORBIDDEN_REASON) instanceof String why) {
      return why;
    }
    return switch (getStatus()) {
      case 404 -> "La pagina richiesta non esiste o è stata spostata.";
      case 403 -> "Non si dispone dei permessi per accedere a questa pagina.";
      default -> "Riprovare tra qualche minuto. Se il problema persiste, contattare l'assistenza.";
    };
  }
}
