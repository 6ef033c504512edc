package org.patientedu.fhirserver;

/**
 * An interceptor that every write to the store passes, whoever makes it: a REST request, or the
 * server itself ({@code SystemRequestDetails}: the lifecycle operations, the daily review refresh,
 * the pack load). A feature declares one as a bean implementing this interface; {@link
 * WriteInterceptorRegistration} registers every such bean on HAPI's storage interceptor service.
 *
 * <p>The other way in is {@link FhirServerPlugin}, for the REST face only (operation providers,
 * interceptors on {@code SERVER_*} pointcuts such as the CapabilityStatement): what it registers on
 * the RestfulServer never sees the server's own writes, so storage hooks never go there.
 */
public interface WriteInterceptor {}
