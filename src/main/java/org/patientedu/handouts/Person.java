package org.patientedu.handouts;

/**
 * A name in the credits: an author or a medical reviewer, with the credentials and specialty the
 * source prints, and whether the "author" is an AI tool.
 */
public record Person(String name, String credentials, String specialty, boolean aiTool) {

  /** "Sarah Marshall, MD" */
  public String nameWithCredentials() {
    return credentials == null ? name : name + ", " + credentials;
  }
}
