Instance: education-given-healthwise
InstanceOf: EducationGivenDocumentReference
Title: "Oxytocin handout given after delivery"
Description: "A nurse gave Ms. Rivera the Healthwise oxytocin handout during her postpartum encounter; the EHR records it against the catalog document."
Usage: #example
* status = #current
* type = $LNC#34895-3 "Education note"
* category[patientEducation] = DocumentCategoryCS#patient-education "Patient education material"
* subject = Reference(Patient/example-maria-rivera) "Maria Rivera"
* date = "2025-03-14T10:20:00-05:00"
* author = Reference(Practitioner/example-nurse) "Jordan Lee, RN"
* description = "Handout given: Oxytocin (Healthwise)"
* relatesTo.code = #transforms
* relatesTo.target = Reference(DocumentReference/oxytocin-healthwise)
* content.attachment.contentType = #text/html
* content.attachment.language = #en-US
* content.attachment.url = "http://fhir.patientedu.org/fhir/Binary/oxytocin-healthwise-html"
* content.attachment.title = "Oxytocin (HTML)"
* context.encounter = Reference(Encounter/example-postpartum-visit)
* context.related[0] = Reference(DocumentReference/oxytocin-healthwise) "Oxytocin handout"
