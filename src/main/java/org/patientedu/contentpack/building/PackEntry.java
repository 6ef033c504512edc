package org.patientedu.contentpack.building;

import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;

/** The four resources of one pack entry. */
public record PackEntry(
    Library library, DocumentReference documentReference, Binary htmlBinary, Binary textBinary) {}
