package org.patientedu.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as its own JVM, as a node on another machine would be. Tests
 * that need servers of their own (restarts, a second node) use this, so the test JVM holds only the
 * shared test server. Needs the jar built by {@code package} (failsafe runs after it), passed as
 * {@code edu.app.jar}.
 */
public final class ServerProcess implements AutoCloseable {

  /** The product's JVM options file, as the README starts the jar (the project's root). */
  public static final String PRODUCT_JVM_OPTIONS = "@" + Path.of("jvm.options").toAbsolutePath();

  /**
   * A test node's JVM options: the product's own ({@code jvm.options}: 512 MB heap, the serial
   * collector), so the tests run the node as it is deployed, and its optional C1-only start ({@code
   * jvm-fast-start.options}): a start costs about 40 % less CPU, which matters on CI's two cores,
   * shared with the test JVM. Benchmarks choose their own options.
   */
  public static final List<String> TEST_NODE_OPTIONS =
      List.of(PRODUCT_JVM_OPTIONS, "@" + Path.of("jvm-fast-start.options").toAbsolutePath());

  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** A test node ({@link #TEST_NODE_OPTIONS}, {@link #testNodeLaunch()}) with these settings. */
  public static ServerProcess start(Map<String, String> properties, Path log) throws IOException {
    return startWithExtraJvmOptions(List.of(), properties, log);
  }

  /**
   * A test node with these settings, once ready; stopped, so that it holds no port or data folder,
   * if it exits or is not ready within {@code timeout} (a test that expects a refused start asserts
   * the exception's message, which carries the node's log).
   */
  public static ServerProcess startReady(Map<String, String> properties, Path log, Duration timeout)
      throws IOException, InterruptedException {
    ServerProcess server = start(properties, log);
    try {
      return server.awaitReady(timeout);
    } catch (RuntimeException notReady) {
      server.close();
      throw notReady;
    }
  }

  /**
   * A test node with more JVM options after {@link #TEST_NODE_OPTIONS} (for example a trust store
   * for a test server's certificate).
   */
  public static ServerProcess startWithExtraJvmOptions(
      List<String> extraJvmOptions, Map<String, String> properties, Path log) throws IOException {
    List<String> launch = new ArrayList<>(TEST_NODE_OPTIONS);
    launch.addAll(extraJvmOptions);
    launch.addAll(testNodeLaunch());
    return start(launch, properties, log, null);
  }

  /**
   * How a test node is launched: as the Docker image starts the server, from the extracted jar with
   * the class-data-sharing archive that the build makes before the integration tests ({@code
   * bin/make-startup-archive}, pom.xml's {@code test-node-startup-archive}); a start then takes
   * about half the time on two cores. Without an archive as new as the packaged jar (a run with
   * {@code -Dedu.test-archive.skip=true}, or an archive left from an older jar, which would start
   * old code), the packaged jar itself.
   *
   * <p>The build makes the archive in the background while the integration tests begin, so a node
   * waits until it is made ({@link #awaitStartupArchive}).
   */
  public static List<String> testNodeLaunch() {
    Path packaged = appJar();
    String startupDir = System.getProperty("edu.startup.dir");
    if (startupDir != null) {
      awaitStartupArchive(Path.of(startupDir), packaged);
      Path archive = Path.of(startupDir, "app.jsa");
      Path extracted = Path.of(startupDir, packaged.getFileName().toString());
      if (Files.isRegularFile(extracted) && newerThan(archive, packaged)) {
        return List.of(
            "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar", extracted.toString());
      }
    }
    return List.of("-jar", packaged.toString());
  }

  /**
   * Waits, when this build makes the test nodes' archive ({@code edu.test-archive.skip} false),
   * until {@code bin/make-startup-archive} has marked it complete or failed after the packaged jar
   * was made; the marker of an older build does not count. Gives up after 10 minutes (a build
   * stopped half-way), and the caller then starts the packaged jar.
   */
  private static synchronized void awaitStartupArchive(Path startupDir, Path packaged) {
    if (Boolean.parseBoolean(System.getProperty("edu.test-archive.skip", "true"))) {
      return;
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    try {
      while (!newerThan(startupDir.resolve(".complete"), packaged)
          && !newerThan(startupDir.resolve(".failed"), packaged)
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code file} exists and was written after the packaged jar (so by this build). */
  private static boolean newerThan(Path file, Path packaged) {
    try {
      return Files.isRegularFile(file)
          && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(packaged)) > 0;
    } catch (IOException unreadable) {
      return false; // gone meanwhile: the script is replacing the folder
    }
  }

  /**
   * The packaged application started from another working directory, as an operator would start it:
   * {@code java -jar /opt/.../patient-education.jar} from wherever they are.
   */
  public static ServerProcess startIn(Path workingDir, Map<String, String> properties, Path log)
      throws IOException {
    return startJar(appJar(), TEST_NODE_OPTIONS, workingDir, properties, log);
  }

  /**
   * The packaged jar, as the README starts it, with these JVM options before {@code -jar} instead
   * of {@link #TEST_NODE_OPTIONS} (a benchmark's); after {@code -Xmx512m}, which they may override.
   */
  public static ServerProcess startWithJvmOptions(
      List<String> jvmOptions, Map<String, String> properties, Path log) throws IOException {
    List<String> launch = new ArrayList<>(jvmOptions);
    launch.add("-jar");
    launch.add(appJar().toString());
    return start(launch, properties, log, null);
  }

  /**
   * The packaged application with one more class of the tests' own on its classpath and among its
   * Spring sources: what an integrator adds to a server (Spring Boot's PropertiesLauncher reads
   * {@code loader.path}; the plain launcher takes nothing beside the jar).
   */
  public static ServerProcess startWithExtraClasses(
      Class<?> source, Map<String, String> properties, Path log) throws IOException {
    Path classes = Files.createTempDirectory("edu-extra-classes-");
    Path compiled;
    try {
      compiled = Path.of(source.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    String packagePath = source.getPackageName().replace('.', '/');
    Path target = Files.createDirectories(classes.resolve(packagePath));
    try (var files = Files.list(compiled.resolve(packagePath))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    Map<String, String> withSource = new java.util.LinkedHashMap<>(properties);
    withSource.put("spring.main.sources", source.getName());
    List<String> launch = new ArrayList<>(TEST_NODE_OPTIONS);
    launch.addAll(
        List.of(
            "-Dloader.path=" + classes,
            "-cp",
            appJar().toString(),
            "org.springframework.boot.loader.launch.PropertiesLauncher"));
    return start(launch, withSource, log, null);
  }

  /**
   * Another jar of the application (for example the extracted one that {@code
   * bin/make-startup-archive} makes) with JVM options of the test's own, started from a working
   * directory of the test's.
   */
  public static ServerProcess startJar(
      Path jar, List<String> jvmOptions, Path workingDir, Map<String, String> properties, Path log)
      throws IOException {
    List<String> launch = new ArrayList<>(jvmOptions);
    launch.add("-jar");
    launch.add(jar.toString());
    return start(launch, properties, log, workingDir);
  }

  private static ServerProcess start(
      List<String> launch, Map<String, String> properties, Path log, Path workingDir)
      throws IOException {
    int port = FreePorts.next();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    command.addAll(launch);
    command.add("--server.port=" + port);
    command.add("--edu.editor-token=" + RunningServerTest.EDITOR_TOKEN);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (workingDir != null) {
      builder.directory(workingDir.toFile());
    }
    Process process = builder.start();
    return new ServerProcess(process, port, log);
  }

  /** Blocks until the node says it is ready to take traffic. */
  public ServerProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Node exited during start-up; its log:\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Node not ready after " + timeout + "; its log:\n" + Files.readString(log));
  }

  /** Blocks until the node exits by itself (a node refusing to start); returns its exit code. */
  public int awaitExit(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "Node still running after " + timeout + "; its log:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  /** The node's process id (for its memory in /proc). */
  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String fhirBase() {
    return baseUrl() + "/fhir";
  }

  public IGenericClient client() {
    FhirContext fhirContext = FhirContext.forR4Cached();
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // HAPI's 10 s default is shorter than some writes take on a loaded 2-core CI box.
    fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
    return fhirContext.newRestfulGenericClient(fhirBase());
  }

  public IGenericClient editorClient() {
    IGenericClient client = client();
    client.registerInterceptor(new BearerTokenAuthInterceptor(RunningServerTest.EDITOR_TOKEN));
    return client;
  }

  /** What the node has logged so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Kills the node as a crash would (SIGKILL, kill -9): nothing runs on its way out. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The node's resident memory in MB, from /proc (Linux). */
  public long residentMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IOException("no VmRSS for process " + pid());
  }

  public int port() {
    return port;
  }

  /** Stops the node gracefully (SIGTERM), as an orchestrator would, and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** The jar {@code package} built, as the integration tests get it. */
  public static Path appJar() {
    String jar = System.getProperty("edu.app.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "The packaged jar (system property edu.app.jar) is missing: "
              + jar
              + ". Run through ./mvnw verify, which packages before the integration tests.");
    }
    return Path.of(jar);
  }
}
