package it.ksanctions.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import it.ksanctions.command.domain.SecretValue;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConnectionTesterTest {

  @Test
  void theKeyTravelsInItsHeaderAndARefusalIsExplained() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String key = exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key");
          received.set(key);
          exchange.sendResponseHeaders("good-key-0123456789".equals(key) ? 200 : 401, -1);
          exchange.close();
        });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gpd");
      ConnectionTester.Result ok =
          ConnectionTester.http(
              url, "Ocp-Apim-Subscription-Key", null, SecretValue.of("good-key-0123456789"));
      assertThat(ok.ok()).isTrue();
      assertThat(received.get()).isEqualTo("good-key-0123456789");
      ConnectionTester.Result refused =
          ConnectionTester.http(
              url, "Ocp-Apim-Subscription-Key", null, SecretValue.of("bad-key-0123456789"));
      assertThat(refused.ok()).isFalse();
      assertThat(refused.message())
          .contains("Autenticazione rifiutata", "HTTP 401")
          .doesNotContain("bad-key");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aClosedPortIsAClearFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ConnectionTester.Result result =
        ConnectionTester.http(
            URI.create("http://127.0.0.1:" + port + "/"), "x-api-key", null, SecretValue.of("k"));
    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("Connessione rifiutata", "porta chiusa");
  }
}
