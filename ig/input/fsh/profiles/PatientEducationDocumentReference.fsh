Profile: PatientEducationDocumentReference
Parent: DocumentReference
Id: patient-education-documentreference
Title: "Patient Education DocumentReference"
Description: "The printable handout of one patient-education page as a document: an HTML and a plain-text rendition (Binary resources), the clinical contexts, and a link to its catalog Library. Not about any patient. The last review date and the reviewers travel as this guide's extensions last-review-date and reviewer (the HL7 artifact-lastReviewDate and artifact-reviewer are allowed on canonical resources only); the full credits are on the Library it links to (context.related)."
* obeys pedr-1
* extension MS
* extension contains
    LastReviewDate named lastReviewDate 0..1 MS and
    Reviewer named reviewer 0..* MS and
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
Description: "A final document states when it was last reviewed, and by which clinician (last-review-date, reviewer)."
Expression: "docStatus = 'final' implies (extension('http://fhir.patientedu.org/StructureDefinition/last-review-date').exists() and extension('http://fhir.patientedu.org/StructureDefinition/reviewer').exists())"
Severity: #error
