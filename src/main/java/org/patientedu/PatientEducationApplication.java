package org.patientedu;

import java.util.Set;
import org.patientedu.contentpack.importer.ImportCommand;
import org.patientedu.contentpack.synthetic.SyntheticPackCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The patient-education content module: a HAPI FHIR JPA server that publishes the content pack,
 * plus the nurses' handout pages.
 *
 * <p>{@code java -jar patient-education.jar} runs the server; {@code import} and {@code reimport}
 * run the page importer instead, and {@code synthetic-pack} writes a pack of test pages, without
 * starting the server.
 */
// HAPI schedules its own jobs (no Quartz from Boot), manages its own schema (no Flyway, which HAPI
// brings along), and full text runs on local Lucene or, with the opensearch profile, on Hibernate
// Search's own OpenSearch client: Boot's Elasticsearch clients stay out. The SMART token endpoint
// is wired by the security feature (Boot's default would sign with a random key and expose every
// OAuth endpoint).
@SpringBootApplication(
    exclude = {
      QuartzAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      ElasticsearchClientAutoConfiguration.class,
      ElasticsearchRestClientAutoConfiguration.class,
      OAuth2AuthorizationServerAutoConfiguration.class,
      OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
@ConfigurationPropertiesScan
public class PatientEducationApplication {

  private static final Set<String> IMPORTER_COMMANDS = Set.of("import", "reimport");

  public static void main(String[] args) {
    if (args.length > 0 && IMPORTER_COMMANDS.contains(args[0])) {
      System.exit(ImportCommand.run(args));
    }
    if (args.length > 0 && args[0].equals("synthetic-pack")) {
      System.exit(SyntheticPackCommand.run(args));
    }
    try {
      SpringApplication.run(PatientEducationApplication.class, args);
    } catch (RuntimeException startFailed) {
      // Spring has logged why. Threads of libraries started before the failure can outlive the
      // closed context and keep the JVM up (seen in CI: a node failed at 30 s and was still up 5
      // min later), so a supervisor would never see the node die and restart it.
      System.exit(1);
    }
  }
}
