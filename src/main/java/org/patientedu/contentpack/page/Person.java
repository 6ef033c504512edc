package org.patientedu.contentpack.page;

/**
 * An author or reviewer exactly as the page names them: what the importer reads off a page, what
 * the FHIR resources carry as a ContactDetail, and what a handout prints.
 *
 * @param name name without credentials ("Sarah Marshall")
 * @param credentials as written ("MD", "MFT"), or null
 * @param specialty as written ("Family Medicine"), or null
 * @param aiTool true when the "author" is a generative AI tool (e.g. ChatGPT)
 */
public record Person(String name, String credentials, String specialty, boolean aiTool) {

  /** "Lisa Brookes Kift, MFT" */
  public String nameWithCredentials() {
    return credentials == null ? name : name + ", " + credentials;
  }

  /** "Sarah Marshall, MD (Family Medicine)": how the narratives and Provenance name a reviewer. */
  public String nameWithCredentialsAndSpecialty() {
    return nameWithCredentials() + (specialty == null ? "" : " (" + specialty + ")");
  }
}
