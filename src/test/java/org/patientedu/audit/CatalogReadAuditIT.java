package org.patientedu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;

/**
 * With {@code edu.audit.record-catalog-reads=true} every read of the public catalog leaves an
 * AuditEvent, the repeated ones too, which the read cache would otherwise answer without HAPI (and
 * so without its audit interceptor) ever seeing them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogReadAuditIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServerProcess server;

  @BeforeAll
  void startAServerThatRecordsEveryCatalogRead(@TempDir Path dataDir) throws Exception {
    Map<String, String> properties = new HashMap<>(SmartTestClients.properties());
    properties.put("edu.data-dir", dataDir.toString());
    properties.put("edu.audit.record-catalog-reads", "true");
    // Local Lucene: the shortest wait before the search cache keeps an answer will do.
    properties.put("edu.read-cache.settle", RunningServerTest.READ_CACHE_SETTLE_SECONDS + "s");
    server =
        ServerProcess.start(properties, dataDir.resolve("server.log"))
            .awaitReady(Duration.ofMinutes(5));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRepeatedReadLeavesItsOwnEvent() throws Exception {
    Instant start = Instant.now();
    for (int read = 0; read < 3; read++) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Library/oxytocin-healthwise"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("oxytocin-healthwise");
    }

    List<AuditEvent> reads =
        eventsSince(start).stream()
            .filter(event -> "read".equals(event.getSubtypeFirstRep().getCode()))
            .filter(
                event ->
                    event.getEntity().stream()
                        .anyMatch(
                            entity ->
                                entity.getWhat().hasReference()
                                    && entity
                                        .getWhat()
                                        .getReference()
                                        .startsWith("Library/oxytocin-healthwise")))
            .toList();
    assertThat(reads).as("one event per read, cached or not").hasSize(3);
  }

  @Test
  void everyRepeatedSearchLeavesItsOwnEvent() throws Exception {
    Instant start = Instant.now();
    String search = "/Library?_id=oxytocin-goaskalice";
    for (int searched = 0; searched < 3; searched++) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.fhirBase() + search)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("oxytocin-goaskalice");
      // Past the moment the search cache waits for before it keeps an answer.
      Thread.sleep(RunningServerTest.READ_CACHE_SETTLE_SECONDS * 1000L + 500);
    }

    List<AuditEvent> searches =
        eventsSince(start).stream()
            .filter(event -> "search-type".equals(event.getSubtypeFirstRep().getCode()))
            .filter(
                event ->
                    event.getEntity().stream()
                        .anyMatch(
                            entity ->
                                entity.hasQuery()
                                    && new String(entity.getQuery(), StandardCharsets.UTF_8)
                                        .contains("oxytocin-goaskalice")))
            .toList();
    assertThat(searches).as("one event per search, repeated or not").hasSize(3);
  }

  private List<AuditEvent> eventsSince(Instant start) {
    var client = server.client();
    client.registerInterceptor(
        new BearerTokenAuthInterceptor(
            SmartTokens.accessToken(
                server.baseUrl(), SmartTestClients.EDITOR, "system/AuditEvent.rs")));
    Bundle found =
        client
            .search()
            .byUrl("AuditEvent?date=ge" + start.minusSeconds(1) + "&_count=200")
            .returnBundle(Bundle.class)
            .execute();
    return found.getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
  }
}
