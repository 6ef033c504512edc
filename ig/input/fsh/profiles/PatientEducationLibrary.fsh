Profile: PatientEducationLibrary
Parent: Library
Id: patient-education-library
Title: "Patient Education Library"
Description: "The catalog entry of one patient-education page: what it is, who wrote and reviewed it, when, for which clinical situations, and where its renditions are. Modelled in the spirit of the CRMI publishable Library (url, version, title, status, date, publisher and description are required)."
* obeys pel-1 and pel-2 and pel-3
* extension contains
    Disclaimer named disclaimer 0..1 MS and
    $artifact-citeAs named citeAs 0..1 MS and
    ReviewStatus named reviewStatus 0..1 MS and
    ReadingGradeLevel named readingGradeLevel 0..1 MS and
    WordCount named wordCount 0..1 MS and
    ReadingTimeMinutes named readingTimeMinutes 0..1 MS
* extension[citeAs] ^short = "How the page asks to be cited, word for word (FHIR Extensions Pack)"
* url 1..1 MS
* version 1..1 MS
* name 1..1 MS
* title 1..1 MS
* status MS
* status ^comment = "active only when a named clinician reviewed the page: the source names its medical reviewers (Healthwise), or $review by a named clinician then $approve. Any other page is draft (a review by the publisher that names no clinician is not a medical review); retired after $retire. The server refuses any write that breaks this (422, lifecycle rules)."
* experimental 1..1 MS
* type = $library-type#asset-collection
* type MS
// A page that states no date still carries date, as a data-absent-reason extension with no value.
* date 1..1 MS
* date ^comment = "When the source published the page (its \"Published date\", byline or citation date). A review date is never put here. When the source states no publication date, date has no value and carries the data-absent-reason extension (code unknown)."
* date.extension contains $data-absent-reason named dataAbsentReason 0..1 MS
* publisher 1..1 MS
* description 1..1 MS
* useContext 1..* MS
* useContext ^slicing.discriminator.type = #pattern
* useContext ^slicing.discriminator.path = "code"
* useContext ^slicing.rules = #open
* useContext ^slicing.description = "Clinical contexts are slices by UsageContext.code = focus"
* useContext contains clinicalFocus 1..* MS
* useContext[clinicalFocus].code = $usage-context-type#focus
* useContext[clinicalFocus].value[x] only CodeableConcept
* useContext[clinicalFocus].valueCodeableConcept from ClinicalContextVS (required)
* useContext[clinicalFocus] ^short = "One clinical-context code a UsageContext, so Library?context=system|code matches each code"
* useContext[clinicalFocus].extension contains ContextRelevance named relevance 0..1 MS
* useContext[clinicalFocus].extension[relevance] ^short = "How central this context is to the page (primary / secondary), and why"
* jurisdiction MS
* copyright MS
* approvalDate MS
* approvalDate ^comment = "Set only by $approve on this server, the day a page was approved for use. No source states an approval: the importer never sets it."
* lastReviewDate MS
* lastReviewDate ^comment = "The last review the source states (\"Current as of\", \"Last reviewed on\"), or the date of $review. A medical review only when reviewer names a clinician; otherwise a review by the publisher (review-status publisher-reviewed)."
* lastReviewDate.extension contains SourceDateLabel named label 0..1 MS
* effectivePeriod MS
* effectivePeriod ^comment = "Only on an active or retired page: start is the day of $approve (absent when the page is active because its source names its reviewers: the source gives no such date), end the next review's due date (active) or the day of $retire. A draft has no effectivePeriod."
* topic MS
* author MS
* author.name 1..1 MS
* author.extension contains
    AuthorCredentials named credentials 0..1 MS and
    AiGenerated named aiGenerated 0..1 MS
* reviewer MS
* reviewer.name 1..1 MS
* reviewer.extension contains
    ReviewerSpecialty named specialty 0..1 MS and
    ReviewerCredentials named credentials 0..1 MS
* relatedArtifact MS
* content 1..* MS
* insert RenditionAttachment(content)

Invariant: pel-1
Description: "An active Library states when it was last reviewed, and by which clinician."
Expression: "status = 'active' implies (lastReviewDate.exists() and reviewer.exists())"
Severity: #error

Invariant: pel-3
Description: "A draft Library is not in use: it has no effectivePeriod and no approvalDate."
Expression: "status = 'draft' implies (effectivePeriod.empty() and approvalDate.empty())"
Severity: #error

// A warning, not an error: an integrator's server may store a copy under its own id.
Invariant: pel-2
Description: "On the publishing server the canonical URL ends with the resource id (http://fhir.patientedu.org/Library/<id>)."
Expression: "id.exists() implies url.endsWith('/Library/' + id)"
Severity: #warning
