package org.patientedu.contentpack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One clinical context a page is offered in, as an editor chose it for that page: how central the
 * context is to the page, why the page fits it (one line), and which of the context's codes a
 * clinician would accept for it. A general page gets the context's general codes; a code for a
 * specific condition (a disorder, a complication) only when the page is about that condition.
 *
 * <p>Written in the page's import.properties (see {@link
 * org.patientedu.contentpack.page.ImportSettings}) and carried into FHIR on every code
 * (Library.useContext, DocumentReference.context.event) by {@code fhir.ContextElements}.
 *
 * @param codes the codes of this context that fit the page, in the order written; never empty
 * @param reason one line saying why the page fits the context, or null when the editor gave none
 */
public record ContextTag(
    ClinicalContext context, Relevance relevance, List<ClinicalContext.Code> codes, String reason) {

  /** How central a context is to the page, so EHR-facing answers can rank and filter. */
  public enum Relevance {
    /** The page is mainly about this context. */
    PRIMARY("primary", "primary"),
    /** The page touches this context, but it is not what the page is about. */
    SECONDARY("secondary", "secondary");

    private final String code;
    private final String label;

    Relevance(String code, String label) {
      this.code = code;
      this.label = label;
    }

    /** The code in import.properties and in the FHIR extension (CodeSystem context-relevance). */
    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    /**
     * @throws IllegalArgumentException naming the valid codes
     */
    public static Relevance fromCode(String code) {
      String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
      for (Relevance relevance : values()) {
        if (relevance.code.equals(wanted)) {
          return relevance;
        }
      }
      throw new IllegalArgumentException(
          "Unknown relevance '" + code + "'; use primary or secondary");
    }
  }

  public ContextTag {
    if (context == null || relevance == null) {
      throw new IllegalArgumentException("A context tag needs its context and its relevance");
    }
    codes = List.copyOf(codes);
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(
          "Context " + context.key() + ": choose at least one of its codes");
    }
    for (ClinicalContext.Code code : codes) {
      if (!context.codes().contains(code)) {
        throw new IllegalArgumentException(
            "Context "
                + context.key()
                + ": "
                + code.system()
                + "|"
                + code.code()
                + " is not one of its codes; known: "
                + context.codeList());
      }
    }
    if (codes.stream().distinct().count() != codes.size()) {
      throw new IllegalArgumentException("Context " + context.key() + ": a code is written twice");
    }
    reason = reason == null || reason.isBlank() ? null : reason.strip();
    if (reason != null && reason.contains("\n")) {
      throw new IllegalArgumentException("Context " + context.key() + ": the reason is one line");
    }
  }

  /**
   * What the import command tags when an editor names only the context: its general codes, as
   * secondary, with no reason. The import report asks the editor to choose.
   */
  public static ContextTag untriaged(ClinicalContext context) {
    return new ContextTag(context, Relevance.SECONDARY, context.generalCodes(), null);
  }

  /** "Lactation and breastfeeding (primary)". */
  public String labelWithRelevance() {
    return context.label() + " (" + relevance.label() + ")";
  }

  /** Codes as written in import.properties: "snomed:413712001,icd-10-cm:Z39.1". */
  public String codeList() {
    List<String> written = new ArrayList<>();
    codes.forEach(code -> written.add(code.written()));
    return String.join(",", written);
  }
}
