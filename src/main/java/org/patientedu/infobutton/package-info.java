/**
 * The HL7 Infobutton responder at {@code /infobutton} (and {@code /infobutton/service}), a drop-in
 * for MedlinePlus Connect: parses the URL-based request, asks {@link
 * org.patientedu.education.EducationFinder}, and answers in Atom XML, MedlinePlus-shaped JSON or
 * JSONP. A thin protocol edge: no ranking or filtering is decided here.
 */
package org.patientedu.infobutton;
