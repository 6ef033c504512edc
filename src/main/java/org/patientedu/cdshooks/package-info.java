/**
 * CDS Hooks 2.0 services at {@code /cds-services}: discovery, patient-view, encounter-start,
 * order-select and order-sign, each a thin edge that reads the chart (prefetch, or the EHR's FHIR
 * server through HAPI's CDS Hooks module), asks {@link org.patientedu.education.EducationFinder}
 * and answers with cards whose suggestion creates the education-given record ({@link
 * org.patientedu.educationgiven.EducationGivenRecords}). Every hook call is signed by the EHR
 * ({@link org.patientedu.cdshooks.HookJwtVerifier}); feedback is stored and reported by {@link
 * org.patientedu.cdshooks.feedback}.
 *
 * <p>What HAPI's module ({@code hapi-fhir-server-cds-hooks} 8.8.0) does here: the service registry,
 * the request JSON and its FHIR resources, the prefetch templates and fetching missing prefetch
 * from {@code fhirServer} with {@code fhirAuthorization}, the card JSON and its FHIR resources, the
 * https rule of CDS Hooks 2.0 for {@code fhirServer}. What it does not, and is written here: the
 * {@code usageRequirements} of discovery (its service JSON has no such field), the 2.0 feedback
 * body ({@code {"feedback": [...]}}; its controller reads a single feedback object), verifying the
 * EHR's JWT (it has no security), errors as status codes with a message (its controller lets
 * exceptions become 500s), and omitting empty values (its JSON mapper writes nulls).
 */
package org.patientedu.cdshooks;
