package org.patientedu.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientedu.PatientEducationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole server started by a test with its own settings (data folder, pack folder, database),
 * for what one shared server cannot show: restarts, a second node, another database.
 */
public final class ServerInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private ServerInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String fhirBase() {
    return "http://localhost:" + port() + "/fhir";
  }

  public IGenericClient client() {
    FhirContext fhirContext = FhirContext.forR4Cached();
    fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return fhirContext.newRestfulGenericClient(fhirBase());
  }

  public IGenericClient editorClient() {
    IGenericClient client = client();
    client.registerInterceptor(new BearerTokenAuthInterceptor(RunningServerTest.EDITOR_TOKEN));
    return client;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  /** Settings for one instance; start() blocks until the server is ready or has failed. */
  public static final class Builder {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> profiles = new ArrayList<>();

    private Builder() {
      properties.put("server.port", 0);
      properties.put("edu.editor-token", RunningServerTest.EDITOR_TOKEN);
    }

    public Builder property(String key, Object value) {
      properties.put(key, value);
      return this;
    }

    public Builder profile(String profile) {
      profiles.add(profile);
      return this;
    }

    public ServerInstance start() {
      // As command-line arguments: they outrank application.properties, as an operator's would.
      String[] args = properties.entrySet().stream()
          .map(e -> "--" + e.getKey() + "=" + e.getValue())
          .toArray(String[]::new);
      return new ServerInstance(new SpringApplicationBuilder(PatientEducationApplication.class)
          .profiles(profiles.toArray(String[]::new))
          .run(args));
    }
  }
}
