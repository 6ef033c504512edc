package org.patientedu.contentpack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clinical situations a page is offered in. The key is what editors type in import.properties
 * and what the UI uses; the codes are what FHIR searches match (Library?context=system|code). Only
 * codes we can vouch for: contexts without a fitting standard code use our local system.
 *
 * <p>Each code is general (the situation itself: a delivery, a lactating mother, pain management)
 * or specific (a condition within it: a failed induction, a lactation disorder). Which codes a page
 * carries is an editorial choice per page ({@link ContextTag}); a page that is not about a specific
 * condition gets only general codes.
 */
public enum ClinicalContext {
  LABOR_DELIVERY(
      "labor-delivery",
      "Labor and delivery",
      List.of(
          Code.general(PackTerminology.SNOMED, "236973005", "Delivery procedure"),
          Code.general(PackTerminology.SNOMED, "177184002", "Normal delivery procedure"),
          Code.general(
              PackTerminology.ICD10CM, "O80", "Encounter for full-term uncomplicated delivery"),
          Code.specific(PackTerminology.ICD10CM, "O62.2", "Other uterine inertia"),
          Code.specific(PackTerminology.ICD10CM, "O61.0", "Failed medical induction of labor"))),

  LACTATION(
      "lactation",
      "Lactation and breastfeeding",
      List.of(
          Code.general(PackTerminology.SNOMED, "413712001", "Breastfeeding (mother)"),
          Code.general(
              PackTerminology.ICD10CM,
              "Z39.1",
              "Encounter for care and examination of lactating mother"),
          Code.specific(PackTerminology.ICD10CM, "O92.79", "Other disorders of lactation"))),

  PAIN_MANAGEMENT(
      "pain-management",
      "Pain management",
      List.of(
          Code.general(PackTerminology.SNOMED, "278414003", "Pain management"),
          Code.general(PackTerminology.ICD10CM, "G89.29", "Other chronic pain"),
          Code.specific(PackTerminology.ICD10CM, "G89.4", "Chronic pain syndrome"))),

  EMOTIONAL_HEALTH(
      "emotional-health",
      "Stress and emotional health",
      List.of(
          Code.general(
              PackTerminology.CLINICAL_CONTEXT_SYSTEM,
              "emotional-health",
              "Stress and emotional health"))),

  RELATIONSHIPS(
      "relationships",
      "Relationships",
      List.of(
          Code.general(PackTerminology.CLINICAL_CONTEXT_SYSTEM, "relationships", "Relationships")));

  /**
   * One coding (system, code, display); immutable so the enum can hand it out safely.
   *
   * @param general true for the situation itself, false for a specific condition within it
   */
  public record Code(String system, String code, String display, boolean general) {

    static Code general(String system, String code, String display) {
      return new Code(system, code, display, true);
    }

    static Code specific(String system, String code, String display) {
      return new Code(system, code, display, false);
    }

    /** How import.properties writes it: "snomed:413712001", "icd-10-cm:Z39.1". */
    public String written() {
      return CodeSystemAlias.of(system).alias() + ":" + code;
    }
  }

  /** The short names editors write for code systems in import.properties. */
  private enum CodeSystemAlias {
    SNOMED("snomed", PackTerminology.SNOMED),
    ICD10CM("icd-10-cm", PackTerminology.ICD10CM),
    LOCAL("local", PackTerminology.CLINICAL_CONTEXT_SYSTEM);

    private final String alias;
    private final String system;

    CodeSystemAlias(String alias, String system) {
      this.alias = alias;
      this.system = system;
    }

    String alias() {
      return alias;
    }

    static CodeSystemAlias of(String system) {
      for (CodeSystemAlias known : values()) {
        if (known.system.equals(system)) {
          return known;
        }
      }
      throw new IllegalStateException("No alias for code system " + system);
    }

    static String systemOf(String alias) {
      for (CodeSystemAlias known : values()) {
        if (known.alias.equals(alias)) {
          return known.system;
        }
      }
      return null;
    }
  }

  private final String key;
  private final String label;
  private final List<Code> codes;

  ClinicalContext(String key, String label, List<Code> codes) {
    this.key = key;
    this.label = label;
    this.codes = codes;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public List<Code> codes() {
    return codes;
  }

  /** The codes for the situation itself, fit for any page in this context. */
  public List<Code> generalCodes() {
    return codes.stream().filter(Code::general).toList();
  }

  /** "snomed:236973005, icd-10-cm:O80, ...": this context's codes as an editor writes them. */
  public String codeList() {
    return String.join(", ", codes.stream().map(Code::written).toList());
  }

  /**
   * This context's code written as "snomed:413712001".
   *
   * @throws IllegalArgumentException naming this context's codes when it has no such code
   */
  public Code code(String written) {
    String text = written == null ? "" : written.strip();
    int colon = text.indexOf(':');
    String system = colon < 0 ? null : CodeSystemAlias.systemOf(text.substring(0, colon));
    String value = colon < 0 ? "" : text.substring(colon + 1).strip();
    return codes.stream()
        .filter(c -> c.system().equals(system) && c.code().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Context "
                        + key
                        + ": unknown code '"
                        + written
                        + "'; its codes are "
                        + codeList()));
  }

  /**
   * @throws IllegalArgumentException naming the valid keys when the key is unknown
   */
  public static ClinicalContext fromKey(String key) {
    String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    for (ClinicalContext context : values()) {
      if (context.key.equals(wanted)) {
        return context;
      }
    }
    throw new IllegalArgumentException("Unknown clinical context '" + key + "'; known: " + keys());
  }

  /** Parses "lactation,labor-delivery" keeping the given order and dropping repeats. */
  public static List<ClinicalContext> parseList(String commaSeparated) {
    List<ClinicalContext> result = new ArrayList<>();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isBlank()) {
          ClinicalContext context = fromKey(part);
          if (!result.contains(context)) {
            result.add(context);
          }
        }
      }
    }
    return result;
  }

  /** "labor-delivery,lactation" as written back into import.properties. */
  public static String toKeyList(List<ClinicalContext> contexts) {
    return String.join(",", contexts.stream().map(ClinicalContext::key).toList());
  }

  public static String keys() {
    return String.join(", ", java.util.Arrays.stream(values()).map(ClinicalContext::key).toList());
  }
}
