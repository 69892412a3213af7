package it.ksanctions.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST APIs are described by MicroProfile OpenAPI at {@code /openapi} (issue 13 item 9): the
 * document is generated from the resources, so every API is in it, the camera imports and the
 * detections included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Test
  void theApisAreDescribedAtOpenapi() throws Exception {
    HttpResponse<String> document = TestStack.get("/openapi");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains(
            "openapi: 3",
            "/api/v1/camera-imports",
            "/api/v1/detections",
            "/api/v1/mobile/pre-notices",
            "/api/v1/articles/{code}/amounts",
            "/api/platform/tenants");
  }
}
