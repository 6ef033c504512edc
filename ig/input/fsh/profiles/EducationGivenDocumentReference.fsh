Profile: EducationGivenDocumentReference
Parent: DocumentReference
Id: education-given-documentreference
Title: "Education Given DocumentReference"
Description: "The record, in a patient's chart, that a patient-education handout was given during an encounter: who received it, when, in which encounter, from whom, which catalog document it was (the exact versions), in which language and how (printed, PDF, on screen). A CDS Hooks card's suggestion creates it in the EHR, or $record-given stores it on the content server; an education-given Procedure points at it."
* extension contains EducationMedium named medium 0..1 MS
* masterIdentifier MS
* masterIdentifier ^short = "urn:uuid that the education-given Procedure's report names"
* status MS
* type 1..1 MS
* type = $LNC#34895-3
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains patientEducation 1..1 MS
* category[patientEducation] = DocumentCategoryCS#patient-education
* subject 1..1 MS
* subject only Reference(Patient)
* date 1..1 MS
* date ^short = "When the handout was given"
* author MS
* author only Reference(Practitioner or PractitionerRole)
* author ^short = "The clinician who gave it"
* relatesTo MS
* relatesTo ^comment = "Use code transforms: the handout given is a rendering (printed, PDF, on screen) of the catalog document, at the version given."
* relatesTo.target only Reference(PatientEducationDocumentReference)
* content 1..* MS
* insert RenditionAttachment(content.attachment)
* content.attachment.language 1..1
* content.attachment.language ^short = "The language the handout was given in"
* context 1..1 MS
* context.encounter 1..1 MS
* context.encounter only Reference(Encounter)
* context.related 1..* MS
* context.related only Reference(PatientEducationDocumentReference or PatientEducationLibrary)
* context.related ^short = "The catalog DocumentReference and Library given, each at its exact version (.../_history/n)"
