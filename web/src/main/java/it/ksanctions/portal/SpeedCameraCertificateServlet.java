package it.ksanctions.portal;

import it.ksanctions.devices.application.PublicSpeedCameras;
import it.ksanctions.devices.application.PublicSpeedCameras.CertificateFile;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /t/<slug>/portale/autovelox/certificato?device=<code>}: the latest calibration certificate
 * of a device shown on the portal's speed-camera map, as a PDF download; public like the map (issue
 * 16 item 9, SPEC POR-5). Any other device — unknown, of another tenant, not a speed device, out of
 * service, without a place or without a certificate — is 404.
 */
@WebServlet("/portale/autovelox/certificato")
public class SpeedCameraCertificateServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject PublicSpeedCameras cameras;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    Optional<CertificateFile> file =
        TenantContext.current().isEmpty()
            ? Optional.empty()
            : cameras.certificate(request.getParameter("device"));
    if (file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setHeader("Cache-Control", "no-cache");
      response.setContentType("text/plain; charset=UTF-8");
      response
          .getOutputStream()
          .write(
              "Certificato non disponibile: il dispositivo non è tra le postazioni pubblicate."
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] content = file.get().content();
    response.setContentType("application/pdf");
    response.setHeader("Cache-Control", "public, max-age=300");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + file.get().fileName().replaceAll("[^A-Za-z0-9._-]", "_")
            + "\"");
    response.setContentLength(content.length);
    response.getOutputStream().write(content);
  }
}
