package org.patientedu.fhirserver;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature's hook into the FHIR server: register operation providers and interceptors. Keeps the
 * server wiring free of knowledge about the features that sit on it.
 */
@FunctionalInterface
public interface FhirServerPlugin {
  void configure(RestfulServer server);
}
