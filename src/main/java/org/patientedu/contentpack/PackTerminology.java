package org.patientedu.contentpack;

/**
 * Every URL and code the content pack shares, in one place, so the importer, the server and the
 * tests cannot drift apart.
 */
public final class PackTerminology {

  private PackTerminology() {}

  /** Canonical base of everything this product defines. */
  public static final String CANONICAL_BASE = "http://fhir.patientedu.org";

  // --- Our own extensions ---------------------------------------------------------------
  public static final String EXT_AI_GENERATED =
      CANONICAL_BASE + "/StructureDefinition/ai-generated";
  public static final String EXT_REVIEWER_SPECIALTY =
      CANONICAL_BASE + "/StructureDefinition/reviewer-specialty";
  public static final String EXT_REVIEWER_CREDENTIALS =
      CANONICAL_BASE + "/StructureDefinition/reviewer-credentials";

  /** Same idea as reviewer-credentials, for authors ("Lisa Brookes Kift, MFT"). */
  public static final String EXT_AUTHOR_CREDENTIALS =
      CANONICAL_BASE + "/StructureDefinition/author-credentials";

  /** Readability of the article text, computed at import (see readability.Readability). */
  public static final String EXT_READING_GRADE_LEVEL =
      CANONICAL_BASE + "/StructureDefinition/reading-grade-level";

  public static final String EXT_WORD_COUNT = CANONICAL_BASE + "/StructureDefinition/word-count";
  public static final String EXT_READING_TIME_MINUTES =
      CANONICAL_BASE + "/StructureDefinition/reading-time-minutes";

  /** The server's review verdict (a code of {@link #REVIEW_STATUS_SYSTEM}), stamped on store. */
  public static final String EXT_REVIEW_STATUS =
      CANONICAL_BASE + "/StructureDefinition/review-status";

  /**
   * On each clinical-context code of a page (Library.useContext, DocumentReference.context.event):
   * how central the context is to the page (sub-extension {@link #EXT_CONTEXT_RELEVANCE_RELEVANCE},
   * a code of {@link #CONTEXT_RELEVANCE_SYSTEM}) and why the page fits it ({@link
   * #EXT_CONTEXT_RELEVANCE_REASON}).
   */
  public static final String EXT_CONTEXT_RELEVANCE =
      CANONICAL_BASE + "/StructureDefinition/context-relevance";

  public static final String EXT_CONTEXT_RELEVANCE_RELEVANCE = "relevance";
  public static final String EXT_CONTEXT_RELEVANCE_REASON = "reason";

  /**
   * On Library.lastReviewDate: the source's own words for that date ("Current as of", "Last
   * reviewed on"), so a handout says "Current as of" only where the source does.
   */
  public static final String EXT_SOURCE_DATE_LABEL =
      CANONICAL_BASE + "/StructureDefinition/source-date-label";

  /**
   * On a Library: the source's own disclaimer, word for word ("This information does not replace
   * the advice of a doctor. Healthwise, Incorporated disclaims ..."). A handout prints it; only a
   * page without one gets the product's own sentence.
   */
  public static final String EXT_DISCLAIMER = CANONICAL_BASE + "/StructureDefinition/disclaimer";

  /**
   * On a DocumentReference: its page's last review date and reviewers, as its Library states them
   * (lastReviewDate, reviewer). Our own: HL7's artifact-lastReviewDate and artifact-reviewer are
   * allowed on canonical resources only, which DocumentReference is not.
   */
  public static final String EXT_LAST_REVIEW_DATE =
      CANONICAL_BASE + "/StructureDefinition/last-review-date";

  public static final String EXT_REVIEWER = CANONICAL_BASE + "/StructureDefinition/reviewer";

  // --- Our own profiles -----------------------------------------------------------------
  public static final String PROFILE_LIBRARY =
      CANONICAL_BASE + "/StructureDefinition/patient-education-library";
  public static final String PROFILE_DOCUMENT_REFERENCE =
      CANONICAL_BASE + "/StructureDefinition/patient-education-documentreference";
  public static final String PROFILE_EDUCATION_GIVEN =
      CANONICAL_BASE + "/StructureDefinition/education-given-documentreference";

  /** The Procedure "patient education" that goes with an education-given DocumentReference. */
  public static final String PROFILE_EDUCATION_GIVEN_PROCEDURE =
      CANONICAL_BASE + "/StructureDefinition/education-given-procedure";

  /** On an education-given DocumentReference: how the handout was given (a code of the next). */
  public static final String EXT_EDUCATION_MEDIUM =
      CANONICAL_BASE + "/StructureDefinition/education-medium";

  public static final String EDUCATION_MEDIUM_SYSTEM =
      CANONICAL_BASE + "/CodeSystem/education-medium";

  /** Why a clinician dismissed a CDS Hooks card (card.overrideReasons, feedback). */
  public static final String CDS_OVERRIDE_REASON_SYSTEM =
      CANONICAL_BASE + "/CodeSystem/cds-override-reason";

  /** What this server instantiates (named in /fhir/metadata). */
  public static final String CAPABILITY_STATEMENT =
      CANONICAL_BASE + "/CapabilityStatement/patient-education-server";

  /**
   * Business identifier of a pack DocumentReference (value: the page id), stable across servers.
   */
  public static final String DOCUMENT_IDENTIFIER_SYSTEM = CANONICAL_BASE + "/DocumentReference";

  // --- Our own code systems -------------------------------------------------------------
  public static final String CLINICAL_CONTEXT_SYSTEM =
      CANONICAL_BASE + "/CodeSystem/clinical-context";
  public static final String REVIEW_STATUS_SYSTEM = CANONICAL_BASE + "/CodeSystem/review-status";
  public static final String CONTEXT_RELEVANCE_SYSTEM =
      CANONICAL_BASE + "/CodeSystem/context-relevance";
  public static final String DOCUMENT_CATEGORY_SYSTEM =
      CANONICAL_BASE + "/CodeSystem/document-category";
  public static final String DOCUMENT_CATEGORY_PATIENT_EDUCATION = "patient-education";
  public static final String DOCUMENT_CATEGORY_PATIENT_EDUCATION_DISPLAY =
      "Patient education material";

  // --- HL7 core extensions --------------------------------------------------------------
  public static final String EXT_DATA_ABSENT_REASON =
      "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

  /** How to cite the page, as the page itself says (FHIR Extensions Pack; Library in context). */
  public static final String EXT_ARTIFACT_CITE_AS =
      "http://hl7.org/fhir/StructureDefinition/artifact-citeAs";

  // --- External code systems ------------------------------------------------------------
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String LOINC = "http://loinc.org";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String ICD9CM = "http://hl7.org/fhir/sid/icd-9-cm";
  public static final String NUCC = "http://nucc.org/provider-taxonomy";
  public static final String LIBRARY_TYPE = "http://terminology.hl7.org/CodeSystem/library-type";
  public static final String DEFINITION_TOPIC =
      "http://terminology.hl7.org/CodeSystem/definition-topic";
  public static final String USAGE_CONTEXT_TYPE =
      "http://terminology.hl7.org/CodeSystem/usage-context-type";
  public static final String DATA_ABSENT_REASON =
      "http://terminology.hl7.org/CodeSystem/data-absent-reason";
  public static final String ISO_3166 = "urn:iso:std:iso:3166";
  public static final String PROVENANCE_PARTICIPANT_TYPE =
      "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
  public static final String DATA_OPERATION =
      "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

  // --- Fixed codes ----------------------------------------------------------------------
  public static final String LIBRARY_TYPE_ASSET_COLLECTION = "asset-collection";
  public static final String TOPIC_EDUCATION = "education";
  public static final String USAGE_CONTEXT_FOCUS = "focus";
  public static final String JURISDICTION_US = "US";

  /**
   * LOINC 34895-3 "Education note": a document-ontology code (scale Doc), the code IHE PCC uses for
   * patient education documents, so any document registry classifies our handouts right.
   */
  public static final String LOINC_EDUCATION_NOTE = "34895-3";

  public static final String LOINC_EDUCATION_NOTE_DISPLAY = "Education note";

  /**
   * SNOMED CT 311401005 |Patient education (procedure)|: the Procedure code quality measures count
   * as "education given".
   */
  public static final String SNOMED_PATIENT_EDUCATION = "311401005";

  public static final String SNOMED_PATIENT_EDUCATION_DISPLAY = "Patient education (procedure)";

  /** NUCC taxonomy codes we are sure of; other specialties stay text-only. */
  public static final String NUCC_FAMILY_MEDICINE = "207Q00000X";

  public static final String NUCC_OBSTETRICS_GYNECOLOGY = "207V00000X";

  /**
   * The code family of a clinical context (the guide's ValueSet context-&lt;key&gt;): the codes
   * that find that context's pages, e.g. http://fhir.patientedu.org/ValueSet/context-lactation.
   */
  public static String codeFamilyUrl(String contextKey) {
    return CANONICAL_BASE + "/ValueSet/context-" + contextKey;
  }

  /**
   * Canonical URL of a pack Library, e.g. http://fhir.patientedu.org/Library/oxytocin-healthwise.
   */
  public static String libraryUrl(String id) {
    return CANONICAL_BASE + "/Library/" + id;
  }

  /**
   * FHIR operations that the security rules name as well as the features that serve them (security
   * sits above the content features, so the names live here, below both).
   */
  public static final String OPERATION_RECORD_GIVEN = "$record-given";

  public static final String OPERATION_CDS_FEEDBACK_REPORT = "$cds-feedback-report";
}
