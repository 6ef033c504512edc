/**
 * The one question every EHR-facing edge asks: which approved education fits these codes (and
 * language), best first? {@link org.patientedu.education.EducationFinder} answers it for the
 * Infobutton responder and the CDS Hooks services alike, so ranking, draft filtering and review
 * state are decided once; {@link org.patientedu.education.HandoutAddresses} gives the absolute
 * addresses of the handouts it finds.
 */
package org.patientedu.education;
