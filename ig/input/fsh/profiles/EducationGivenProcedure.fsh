Profile: EducationGivenProcedure
Parent: Procedure
Id: education-given-procedure
Title: "Education Given Procedure"
Description: "The procedure \"patient education\" (SNOMED CT 311401005), done in an encounter, that quality measures counting education given can count; its report is the education-given DocumentReference that says which handout."
* identifier MS
* identifier ^short = "urn:uuid of this record"
* status = #completed
* status MS
* code 1..1 MS
* code = $SCT#311401005 "Patient education (procedure)"
* subject 1..1 MS
* subject only Reference(Patient)
* encounter 1..1 MS
* encounter only Reference(Encounter)
* performed[x] 1..1 MS
* performed[x] only dateTime
* performer MS
* performer.actor only Reference(Practitioner or PractitionerRole)
* reasonCode MS
* reasonCode ^short = "The encounter's reasons the education answers"
* reasonReference MS
* reasonReference only Reference(Condition)
* report 1..* MS
* report only Reference(EducationGivenDocumentReference)
* report ^comment = "In an EHR that stores both from a CDS Hooks suggestion, the report names the DocumentReference by its masterIdentifier (urn:uuid), since the EHR assigns the ids."
