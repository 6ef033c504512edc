package org.patientedu.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * An EHR's FHIR server, as CDS Hooks expects it: https only (a certificate made by the JDK's
 * keytool for localhost), a bearer token required on every request (the one the hook call hands
 * over as fhirAuthorization), holding a chart the test writes. HAPI's plain RestfulServer in an
 * embedded Tomcat: it starts in a second, so the test needs no second application.
 */
final class EhrFhirServer implements AutoCloseable {

  static final String STORE_PASSWORD = "changeit";

  private final Tomcat tomcat;
  private final int port;
  private final HashMapResourceProvider<Patient> patients;
  private final HashMapResourceProvider<Encounter> encounters;
  private final Conditions conditions;
  private final List<String> tokensSeen = new CopyOnWriteArrayList<>();

  private EhrFhirServer(
      Tomcat tomcat,
      int port,
      HashMapResourceProvider<Patient> patients,
      HashMapResourceProvider<Encounter> encounters,
      Conditions conditions) {
    this.tomcat = tomcat;
    this.port = port;
    this.patients = patients;
    this.encounters = encounters;
    this.conditions = conditions;
  }

  /**
   * @param keyStore a PKCS12 key store holding the server's key and certificate for localhost
   */
  static EhrFhirServer start(Path keyStore, String token, Path workDir)
      throws LifecycleException, IOException {
    FhirContext fhir = FhirContext.forR4Cached();
    HashMapResourceProvider<Patient> patients = new HashMapResourceProvider<>(fhir, Patient.class);
    HashMapResourceProvider<Encounter> encounters =
        new HashMapResourceProvider<>(fhir, Encounter.class);
    Conditions conditions = new Conditions();
    RestfulServer fhirServer = new RestfulServer(fhir);
    fhirServer.registerProviders(patients, encounters, conditions);

    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createDirectories(workDir).toString());
    Connector https = new Connector("org.apache.coyote.http11.Http11NioProtocol");
    https.setPort(0);
    https.setScheme("https");
    https.setSecure(true);
    https.setProperty("SSLEnabled", "true");
    SSLHostConfig ssl = new SSLHostConfig();
    SSLHostConfigCertificate certificate =
        new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(keyStore.toString());
    certificate.setCertificateKeystorePassword(STORE_PASSWORD);
    certificate.setCertificateKeystoreType("PKCS12");
    ssl.addCertificate(certificate);
    https.addSslHostConfig(ssl);
    tomcat.getService().addConnector(https);
    tomcat.setConnector(https);
    Context context = tomcat.addContext("", workDir.toString());
    Tomcat.addServlet(context, "fhir", fhirServer);
    context.addServletMappingDecoded("/fhir/*", "fhir");
    tomcat.start();
    EhrFhirServer server =
        new EhrFhirServer(tomcat, https.getLocalPort(), patients, encounters, conditions);
    fhirServer.registerInterceptor(server.new RequireToken(token));
    return server;
  }

  String fhirBase() {
    return "https://localhost:" + port + "/fhir";
  }

  /** The bearer tokens requests came with, in order. */
  List<String> tokensSeen() {
    return tokensSeen;
  }

  void store(Patient patient) {
    patients.update(patient, null, new SystemRequestDetails());
  }

  void store(Encounter encounter) {
    encounters.update(encounter, null, new SystemRequestDetails());
  }

  void store(Condition condition) {
    conditions.all.add(condition);
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  /** 401 without the token the EHR gave the service. */
  @Interceptor
  final class RequireToken {
    private final String token;

    RequireToken(String token) {
      this.token = token;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    boolean check(RequestDetails request) {
      String authorization = request.getHeader("Authorization");
      tokensSeen.add(authorization == null ? "" : authorization);
      if (!("Bearer " + token).equals(authorization)) {
        throw new AuthenticationException("A valid bearer token is required");
      }
      return true;
    }
  }

  /** Condition search by patient (and clinical status), as the prefetch template asks. */
  static final class Conditions implements IResourceProvider {
    final List<Condition> all = new CopyOnWriteArrayList<>();

    @Override
    public Class<Condition> getResourceType() {
      return Condition.class;
    }

    @Search
    public List<Condition> search(
        @RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
        @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenParam status) {
      List<Condition> found = new ArrayList<>();
      for (Condition condition : all) {
        boolean forPatient =
            new IdType(condition.getSubject().getReference())
                .getIdPart()
                .equals(patient.getIdPart());
        boolean inStatus =
            status == null
                || condition.getClinicalStatus().getCoding().stream()
                    .anyMatch(c -> c.getCode().equals(status.getValue()));
        if (forPatient && inStatus) {
          found.add(condition);
        }
      }
      return found;
    }
  }
}
