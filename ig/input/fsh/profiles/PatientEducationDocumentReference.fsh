Profile: PatientEducationDocumentReference
Parent: DocumentReference
Id: patient-education-documentreference
Title: "Patient Education DocumentReference"
Description: "The printable handout of one patient-education page as a document: an HTML and a plain-text rendition (Binary resources), the clinical contexts, and a link to its catalog Library. Not about any patient. The last review date and the reviewers travel as the HL7 extensions artifact-lastReviewDate (valueDate) and artifact-reviewer (valueContactDetail) from the FHIR Extensions Pack; they are not redefined in this guide."
* obeys pedr-1
* extension MS
* extension ^comment = "Besides the extensions sliced here, the resource carries http://hl7.org/fhir/StructureDefinition/artifact-lastReviewDate (valueDate, 0..1) and http://hl7.org/fhir/StructureDefinition/artifact-reviewer (valueContactDetail with this guide's reviewer-specialty and reviewer-credentials extensions, 0..*)."
* extension contains
    ReviewStatus named reviewStatus 0..1 MS and
    ReadingGradeLevel named readingGradeLevel 0..1 MS and
    WordCount named wordCount 0..1 MS and
    ReadingTimeMinutes named readingTimeMinutes 0..1 MS
* identifier MS
* identifier ^comment = "Business identifier: system http://fhir.patientedu.org/DocumentReference, value the page id. FHIR package installers (HAPI's) match a DocumentReference by identifier, having no canonical URL."
* status MS
* docStatus MS
* docStatus ^comment = "final when its Library is active (a named clinician reviewed the page); preliminary otherwise."
* type 1..1 MS
* type = $LNC#34895-3
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains patientEducation 1..1 MS
* category[patientEducation] = DocumentCategoryCS#patient-education
* subject 0..0
* subject ^comment = "Catalog documents are about no patient; see EducationGivenDocumentReference for a handout given to a patient."
* date MS
* date ^comment = "When the source published the page, as Library.date. Without a stated publication day the instant has no value and carries the data-absent-reason extension (code unknown)."
* author MS
* author.display MS
* author.extension contains AiGenerated named aiGenerated 0..1 MS
* description MS
* content 1..* MS
* insert RenditionAttachment(content.attachment)
* context 1..1 MS
* context.event MS
* context.event from ClinicalContextVS (extensible)
* context.event.extension contains ContextRelevance named relevance 0..1 MS
* context.event.extension[relevance] ^short = "How central this context is to the page (primary / secondary), and why"
* context.related 1..* MS
* context.related only Reference(PatientEducationLibrary)
* context.related ^short = "The catalog Library of this handout (Library/<same id>)"

Invariant: pedr-1
Description: "A final document states when it was last reviewed, and by which clinician (artifact-lastReviewDate, artifact-reviewer)."
Expression: "docStatus = 'final' implies (extension('http://hl7.org/fhir/StructureDefinition/artifact-lastReviewDate').exists() and extension('http://hl7.org/fhir/StructureDefinition/artifact-reviewer').exists())"
Severity: #error
