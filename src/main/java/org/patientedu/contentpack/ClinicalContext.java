package org.patientedu.contentpack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clinical situations a page is offered in. The key is what editors type in import.properties
 * and what the UI uses; the codes are what FHIR searches match (Library?context=system|code). Only
 * codes we can vouch for: contexts without a fitting standard code use our local system.
 */
public enum ClinicalContext {
  LABOR_DELIVERY(
      "labor-delivery",
      "Labor and delivery",
      List.of(
          new Code(PackTerminology.SNOMED, "236973005", "Delivery procedure"),
          new Code(PackTerminology.SNOMED, "177184002", "Normal delivery procedure"),
          new Code(
              PackTerminology.ICD10CM, "O80", "Encounter for full-term uncomplicated delivery"),
          new Code(PackTerminology.ICD10CM, "O62.2", "Other uterine inertia"),
          new Code(PackTerminology.ICD10CM, "O61.0", "Failed medical induction of labor"))),

  LACTATION(
      "lactation",
      "Lactation and breastfeeding",
      List.of(
          new Code(PackTerminology.SNOMED, "413712001", "Breastfeeding (mother)"),
          new Code(
              PackTerminology.ICD10CM,
              "Z39.1",
              "Encounter for care and examination of lactating mother"),
          new Code(PackTerminology.ICD10CM, "O92.79", "Other disorders of lactation"))),

  PAIN_MANAGEMENT(
      "pain-management",
      "Pain management",
      List.of(
          new Code(PackTerminology.SNOMED, "278414003", "Pain management"),
          new Code(PackTerminology.ICD10CM, "G89.29", "Other chronic pain"),
          new Code(PackTerminology.ICD10CM, "G89.4", "Chronic pain syndrome"))),

  EMOTIONAL_HEALTH(
      "emotional-health",
      "Stress and emotional health",
      List.of(
          new Code(
              PackTerminology.CLINICAL_CONTEXT_SYSTEM,
              "emotional-health",
              "Stress and emotional health"))),

  RELATIONSHIPS(
      "relationships",
      "Relationships",
      List.of(new Code(PackTerminology.CLINICAL_CONTEXT_SYSTEM, "relationships", "Relationships")));

  /** One coding (system, code, display); immutable so the enum can hand it out safely. */
  public record Code(String system, String code, String display) {}

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
