Extension: EducationMedium
Id: education-medium
Title: "Education medium"
Description: "How the handout recorded as given reached the patient: printed, as a PDF, or shown on screen."
Context: DocumentReference
* insert SimpleValue(Coding)
* valueCoding from EducationMediumVS (required)
