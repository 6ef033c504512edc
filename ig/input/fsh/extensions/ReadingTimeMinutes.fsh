Extension: ReadingTimeMinutes
Id: reading-time-minutes
Title: "Reading time in minutes"
Description: "The estimated time, in whole minutes, a patient needs to read the page."
Context: Library, DocumentReference
* insert SimpleValue(integer)
* valueInteger ^minValueInteger = 0
