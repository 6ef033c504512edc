package org.patientedu.fhirserver;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature's hook into the FHIR server's REST face: register operation providers and interceptors
 * on REST requests ({@code SERVER_*} pointcuts). Keeps the server wiring free of knowledge about
 * the features that sit on it. Hooks on writes to the store go through {@link WriteInterceptor}
 * instead, so that the server's own writes pass them too.
 */
@FunctionalInterface
public interface FhirServerPlugin {
  void configure(RestfulServer server);
}
