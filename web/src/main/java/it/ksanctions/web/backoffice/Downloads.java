package it.ksanctions.web.backoffice;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends an exported file as the answer to a back-office action (instead of a page). */
public final class Downloads {

  public static final String CSV = "text/csv; charset=UTF-8";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String PDF = "application/pdf";

  private Downloads() {}

  public static void send(byte[] bytes, String contentType, String fileName) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(contentType);
    external.setResponseContentLength(bytes.length);
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    try {
      external.getResponseOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
