/**
 * The page model in FHIR, written and read in one place: people (authors and reviewers as
 * ContactDetail), clinical contexts (useContext, context.event), the extensions a page carries
 * (readability, review status, the DocumentReference's review) and the narrative. The importer's
 * builders write through it; the review stamp and the handouts read through it. URLs and codes come
 * from {@link org.patientedu.contentpack.PackTerminology}.
 */
package org.patientedu.contentpack.fhir;
