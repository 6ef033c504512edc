// The story of the CDS Hooks page: a labor encounter, the card, the record.

Instance: example-maria-rivera
InstanceOf: Patient
Title: "Maria Rivera"
Description: "A patient admitted in labor."
Usage: #example
* name.family = "Rivera"
* name.given = "Maria"
* communication.language = urn:ietf:bcp:47#en "English"
* communication.preferred = true

Instance: example-nurse
InstanceOf: Practitioner
Title: "Jordan Lee, RN"
Description: "The labor and delivery nurse who gave the handout."
Usage: #example
* name.family = "Lee"
* name.given = "Jordan"
* name.suffix = "RN"

Instance: example-labor-encounter
InstanceOf: Encounter
Title: "Labor admission"
Description: "Maria Rivera's admission in labor, for primary inadequate contractions (ICD-10-CM O62.0, below O62 in the labor and delivery code family)."
Usage: #example
* status = #in-progress
* class = http://terminology.hl7.org/CodeSystem/v3-ActCode#IMP "inpatient encounter"
* subject = Reference(example-maria-rivera) "Maria Rivera"
* reasonCode = $ICD10CM#O62.0 "Primary inadequate contractions"

Instance: education-given-healthwise
InstanceOf: EducationGivenDocumentReference
Title: "Oxytocin handout given during labor"
Description: "Accepting the CDS Hooks card, the nurse recorded that she gave Ms. Rivera the printed Healthwise oxytocin handout during her labor admission, at the catalog versions she printed."
Usage: #example
* extension[medium].valueCoding = EducationMediumCS#printed "Printed handout"
* masterIdentifier.system = "urn:ietf:rfc:3986"
* masterIdentifier.value = "urn:uuid:6f1c2a4e-6a8b-4f5e-9a39-3c1f0c8d2b71"
* status = #current
* type = $LNC#34895-3 "Education note"
* category[patientEducation] = DocumentCategoryCS#patient-education "Patient education material"
* subject = Reference(example-maria-rivera) "Maria Rivera"
* date = "2026-11-22T10:20:00-05:00"
* author = Reference(example-nurse) "Jordan Lee, RN"
* description = "Patient education given: Oxytocin (printed handout, English)"
* relatesTo.code = #transforms
* relatesTo.target.reference = "DocumentReference/oxytocin-healthwise/_history/1"
* relatesTo.target.display = "Oxytocin"
* content.attachment.contentType = #text/html
* content.attachment.language = #en
* content.attachment.url = "https://education.example.org/handouts/oxytocin-healthwise"
* content.attachment.title = "Oxytocin"
* context.encounter = Reference(example-labor-encounter)
* context.related[0].reference = "DocumentReference/oxytocin-healthwise/_history/1"
* context.related[0].display = "Oxytocin"
* context.related[1].reference = "Library/oxytocin-healthwise/_history/1"
* context.related[1].display = "Oxytocin"

Instance: education-given-healthwise-procedure
InstanceOf: EducationGivenProcedure
Title: "Patient education during labor"
Description: "The procedure a quality measure counts: patient education (SNOMED CT 311401005) in the labor encounter, reported by the education-given DocumentReference."
Usage: #example
* identifier.system = "urn:ietf:rfc:3986"
* identifier.value = "urn:uuid:0b7e7d1c-57a4-4a53-8f0e-9d6f1f6c3e10"
* status = #completed
* code = $SCT#311401005 "Patient education (procedure)"
* subject = Reference(example-maria-rivera) "Maria Rivera"
* encounter = Reference(example-labor-encounter)
* performedDateTime = "2026-11-22T10:20:00-05:00"
* performer.actor = Reference(example-nurse) "Jordan Lee, RN"
* reasonCode = $ICD10CM#O62.0 "Primary inadequate contractions"
* report = Reference(education-given-healthwise) "Patient education given: Oxytocin"
