CodeSystem: EducationMediumCS
Id: education-medium
Title: "Education medium"
Description: "How a patient-education handout reached the patient."
* ^url = "http://fhir.patientedu.org/CodeSystem/education-medium"
* ^caseSensitive = true
* ^content = #complete
* #printed "Printed handout" "The handout was printed and handed to the patient."
* #pdf "PDF copy" "The patient was given the handout as a PDF file."
* #screen "Shown on screen" "The handout was shown to the patient on a screen."
