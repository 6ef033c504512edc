package org.patientedu.contentpack.importer;

/**
 * An author or reviewer exactly as the page names them.
 *
 * @param name name without credentials ("Sarah Marshall")
 * @param credentials as written ("MD", "MFT"), or null
 * @param specialty as written ("Family Medicine"), or null
 * @param aiTool true when the "author" is a generative AI tool (e.g. ChatGPT)
 */
public record Person(String name, String credentials, String specialty, boolean aiTool) {

  public static Person named(String name, String credentials) {
    return new Person(name, credentials, null, AiTools.isAiTool(name));
  }

  /** "Lisa Brookes Kift, MFT" */
  public String nameWithCredentials() {
    return credentials == null ? name : name + ", " + credentials;
  }
}
