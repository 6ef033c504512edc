package org.patientedu.contentpack.page;

/** The credit fields an import looks for; the report says which were found and which not. */
public enum CreditField {
  TITLE("title"),
  AUTHORS("author"),
  REVIEWERS("medical reviewers"),
  PUBLISHED("published date"),
  LAST_REVIEWED("last-reviewed date"),
  PUBLISHER("publisher"),
  COPYRIGHT("copyright notice"),
  DISCLAIMER("disclaimer"),
  ADAPTATION("adaptation note"),
  CITATIONS("citations"),
  SOURCE_URL("source URL"),
  CITE_AS("citation line for the page itself");

  private final String label;

  CreditField(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
