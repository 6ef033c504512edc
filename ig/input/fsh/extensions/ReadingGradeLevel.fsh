Extension: ReadingGradeLevel
Id: reading-grade-level
Title: "Reading grade level"
Description: "The Flesch-Kincaid grade level of the page's text (US school grade; health literacy guidance aims at grade 6 to 8). Searchable with the reading-grade search parameter."
Context: Library, DocumentReference
* insert SimpleValue(decimal)
