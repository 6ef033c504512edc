Profile: EducationGivenDocumentReference
Parent: DocumentReference
Id: education-given-documentreference
Title: "Education Given DocumentReference"
Description: "The record, in a patient's chart, that a patient-education handout was given during an encounter: who received it, when, in which encounter, and which catalog document it was."
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
* relatesTo MS
* relatesTo ^comment = "Use code transforms when the attached content is a rendering (for example a PDF) of the catalog document."
* relatesTo.target only Reference(PatientEducationDocumentReference)
* content 1..* MS
* insert RenditionAttachment(content.attachment)
* context 1..1 MS
* context.encounter 1..1 MS
* context.encounter only Reference(Encounter)
* context.related 1..* MS
* context.related only Reference(PatientEducationDocumentReference or PatientEducationLibrary)
* context.related ^short = "The catalog DocumentReference (and Library) that was given"
