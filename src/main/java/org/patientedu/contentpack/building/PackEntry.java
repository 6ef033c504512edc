package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;

/**
 * The resources of one pack entry.
 *
 * @param translationBinaries the renditions of the page's translations (HTML then text per
 *     language), empty when it has none
 */
public record PackEntry(
    Library library,
    DocumentReference documentReference,
    Binary htmlBinary,
    Binary textBinary,
    List<Binary> translationBinaries) {

  public PackEntry {
    translationBinaries = List.copyOf(translationBinaries);
  }
}
