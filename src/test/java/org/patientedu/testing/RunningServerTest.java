package org.patientedu.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that drive the whole server over HTTP, as an EHR would. All subclasses share
 * one running server (Spring caches the context), on a random port, with the real content pack and
 * an embedded database in a fresh temporary folder.
 *
 * <p>Integration test classes run two at a time (pom.xml, it.parallel); the classes of this shared
 * server take turns ({@link #SHARED_SERVER}), since they write to it and move its clock.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "edu.editor-token=" + RunningServerTest.EDITOR_TOKEN,
      "edu.security.cors-origins=" + RunningServerTest.EHR_ORIGIN,
      "edu.read-cache.settle=" + RunningServerTest.READ_CACHE_SETTLE_SECONDS + "s",
      // CdsHooksWithoutPublicAddressIT: a hook call without a JWT gets as far as the missing
      // public address (the development setting; no other class here calls the hooks)
      "edu.cds-hooks.allow-unsigned=true"
    })
@Import(RunningServerTest.FixedToday.class)
@ResourceLock(RunningServerTest.SHARED_SERVER)
public abstract class RunningServerTest {

  /** The lock the shared server's test classes hold in turn. */
  public static final String SHARED_SERVER = "org.patientedu.shared-test-server";

  /**
   * The development editor token (every scope but the audit one), for tests that are not about
   * security; the security tests use real SMART tokens ({@link #smartClient}).
   */
  public static final String EDITOR_TOKEN = "test-editor-token-3f9a";

  /** The one browser origin allowed to call /fhir (CORS). */
  public static final String EHR_ORIGIN = "https://ehr.example.test";

  /**
   * How long, in seconds, the shared server waits before it keeps a search answer or a handout page
   * (edu.read-cache.settle): the shortest allowed, as local Lucene shows a change at once. Tests
   * that wait for an answer to be kept wait this long (the default, 5 s, cost them a minute).
   */
  public static final int READ_CACHE_SETTLE_SECONDS = 1;

  /** The day the tests stand on; the issues state the seed pages' review states as of this day. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static final Path DATA_DIR = newTempDir();
  private static final FhirContext CLIENT_CONTEXT = FhirContext.forR4Cached();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("edu.data-dir", DATA_DIR::toString);
    SmartTestClients.register(registry);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected String fhirBase() {
    return baseUrl() + "/fhir";
  }

  /** A client with no credential, like any EHR reading content. */
  protected IGenericClient anonymousClient() {
    CLIENT_CONTEXT
        .getRestfulClientFactory()
        .setServerValidationMode(ServerValidationModeEnum.NEVER);
    // HAPI's 10 s default is shorter than a 205-entry transaction takes on a loaded 2-core CI box.
    CLIENT_CONTEXT.getRestfulClientFactory().setSocketTimeout(60_000);
    return CLIENT_CONTEXT.newRestfulGenericClient(fhirBase());
  }

  protected IGenericClient editorClient() {
    return clientWithToken(EDITOR_TOKEN);
  }

  /** A real SMART access token of the editors' test client, for {@code scopes}. */
  protected String smartToken(String scopes) {
    return SmartTokens.accessToken(baseUrl(), SmartTestClients.EDITOR, scopes);
  }

  /** A client holding a real SMART token of the editors' test client, for {@code scopes}. */
  protected IGenericClient smartClient(String scopes) {
    return clientWithToken(smartToken(scopes));
  }

  protected IGenericClient clientWithToken(String token) {
    IGenericClient client = anonymousClient();
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  protected static FhirContext fhirContext() {
    return CLIENT_CONTEXT;
  }

  /** Plain HTTP, for what a FHIR client hides: status codes, headers, raw bodies. */
  protected HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)));
  }

  /**
   * Every shared-server test starts on {@link #TODAY}; a test that moves the clock puts it back.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class FixedToday {
    @Bean
    @Primary
    SettableClock testClock() {
      return new SettableClock(TODAY);
    }
  }

  private static Path newTempDir() {
    try {
      return Files.createTempDirectory("edu-it-data-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
