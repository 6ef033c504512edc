package org.patientedu.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.patientedu.contentpack.PackTerminology;

/**
 * The code systems requests may name by OID (HL7 v3 and the Infobutton URL-based guide do), with
 * the FHIR URI each means.
 */
public enum CodeSystemOids {
  ICD10CM("2.16.840.1.113883.6.90", PackTerminology.ICD10CM, "ICD-10-CM"),
  SNOMED("2.16.840.1.113883.6.96", PackTerminology.SNOMED, "SNOMED CT"),
  RXNORM("2.16.840.1.113883.6.88", PackTerminology.RXNORM, "RxNorm"),
  /** Accepted; no family is written in ICD-9-CM (no honest mapping was made), so it finds none. */
  ICD9CM("2.16.840.1.113883.6.103", PackTerminology.ICD9CM, "ICD-9-CM"),
  /** Accepted; no family is written in LOINC, so it finds none. */
  LOINC("2.16.840.1.113883.6.1", PackTerminology.LOINC, "LOINC");

  private final String oid;
  private final String uri;
  private final String label;

  CodeSystemOids(String oid, String uri, String label) {
    this.oid = oid;
    this.uri = uri;
    this.label = label;
  }

  /** The name people use: "ICD-10-CM", "SNOMED CT". */
  public String label() {
    return label;
  }

  public String oid() {
    return oid;
  }

  public String uri() {
    return uri;
  }

  /** By OID, written bare or as {@code urn:oid:...}. */
  public static Optional<CodeSystemOids> ofOid(String oid) {
    if (oid == null) {
      return Optional.empty();
    }
    String bare = oid.strip().toLowerCase(Locale.ROOT);
    String wanted = bare.startsWith("urn:oid:") ? bare.substring("urn:oid:".length()) : bare;
    return Arrays.stream(values()).filter(s -> s.oid.equals(wanted)).findFirst();
  }
}
