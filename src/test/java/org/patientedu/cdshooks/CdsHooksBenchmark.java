package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.HttpLoad;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;

/**
 * A CDS Hooks call as an EHR makes it, one at a time and warm (issue 14: p50 ≤ 2 ms): {@code
 * encounter-start} with the chart prefetched, signed with the EHR's key, answered with the labor
 * education card. Each call carries a JWT of its own (the service refuses a {@code jti} used
 * before), signed before the clock starts, so the figure is the server's answer, its JWT check
 * included. Run with {@code ./mvnw -Pbenchmark verify -Dit.test=CdsHooksBenchmark}; prints a table,
 * asserts no speed. The server is the packaged jar in its own JVM; client and server share the two
 * cores.
 */
class CdsHooksBenchmark {

  private static final String EHR = "https://ehr.example.test";
  private static final JWK EHR_KEY = SmartTestClients.ec("ehr-hooks-bench");
  private static final String SERVICE = "patient-education-encounter-start";
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration MEASURE = Duration.ofSeconds(15);

  // O62.0 is below O62, the labor and delivery family: one card. The placeholder is the call's
  // own hookInstance.
  private static final String CALL =
      """
      {"hook":"encounter-start","hookInstance":"INSTANCE",
       "context":{"userId":"Practitioner/nurse-1","patientId":"p1","encounterId":"e1"},
       "prefetch":{
        "patient":{"resourceType":"Patient","id":"p1"},
        "encounter":{"resourceType":"Encounter","id":"e1","status":"in-progress",
         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
         "subject":{"reference":"Patient/p1"},
         "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"O62.0",
          "display":"Primary inadequate contractions"}]}]},
        "conditions":{"resourceType":"Bundle","type":"searchset","entry":[]}}}
      """;

  @TempDir static Path dir;
  private static ServerProcess server;

  /**
   * Apache's client, not {@code java.net.http}: the JDK's sends a POST's headers and body in two
   * writes, and the body then waits for the server's delayed ACK (Nagle's algorithm): 40 ms a call
   * with the server idle (JFR: its request threads parked). EHRs' clients send with TCP_NODELAY, as
   * Apache's does by default.
   */
  private static final CloseableHttpClient HTTP = HttpClients.createDefault();

  /** A call's status and body. */
  private record Answer(int status, String body) {}

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> settings = new HashMap<>(SmartTestClients.properties());
    settings.put("edu.data-dir", dir.resolve("data").toString());
    settings.put("edu.handouts.public-base-url", "https://education.example.org");
    settings.put(
        "edu.cds-hooks.clients[" + EHR + "].jwks-file",
        SmartTestClients.publicJwksFile(EHR_KEY).toString());
    // Measured as before: -Xmx512m and the JVM's own defaults, not the tests' C1-only start.
    server =
        ServerProcess.startWithJvmOptions(
            List.of(),
            settings,
            Files.createDirectories(dir.resolve("logs")).resolve("server.log"));
    // Assigned before waiting, so @AfterAll stops a server that never became ready.
    server.awaitReady(Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() throws Exception {
    HTTP.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void encounterStartOneCallAtATime() throws Exception {
    Answer first = send(request());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("Patient education").contains("Oxytocin");

    run(WARM_UP);
    long[] nanos = run(MEASURE);
    Arrays.sort(nanos);
    HttpLoad.Result result = new HttpLoad.Result(nanos, MEASURE.toSeconds(), 0);
    System.out.printf(
        "%nCDS Hooks %s, one call at a time, %d calls in %d s: p50 %.2f ms, p95 %.2f ms, p99 %.2f"
            + " ms (load average at the end: %s)%n",
        SERVICE,
        nanos.length,
        MEASURE.toSeconds(),
        result.percentile(50),
        result.percentile(95),
        result.percentile(99),
        Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** Each call's time, from sending to the whole answer read; the JWT is signed before. */
  private static long[] run(Duration duration) throws Exception {
    long[] nanos = new long[1_000_000];
    int calls = 0;
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end && calls < nanos.length) {
      HttpPost request = request();
      long started = System.nanoTime();
      Answer answer = send(request);
      nanos[calls++] = System.nanoTime() - started;
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
    return Arrays.copyOf(nanos, calls);
  }

  private static Answer send(HttpPost request) throws Exception {
    try (CloseableHttpResponse response = HTTP.execute(request)) {
      return new Answer(
          response.getStatusLine().getStatusCode(),
          EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
    }
  }

  private static HttpPost request() {
    String audience = server.baseUrl() + "/cds-services/" + SERVICE;
    Instant now = Instant.now();
    String jwt =
        SmartTokens.sign(
            EHR_KEY,
            JWSAlgorithm.ES384,
            new JWTClaimsSet.Builder()
                .issuer(EHR)
                .subject("ehr-client")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(240)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    HttpPost post = new HttpPost(audience);
    post.setHeader("Authorization", "Bearer " + jwt);
    post.setEntity(
        new StringEntity(
            CALL.replace("INSTANCE", UUID.randomUUID().toString()), ContentType.APPLICATION_JSON));
    return post;
  }
}
