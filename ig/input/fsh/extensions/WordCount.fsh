Extension: WordCount
Id: word-count
Title: "Word count"
Description: "The number of words in the page's text, without the credits."
Context: Library, DocumentReference
* insert SimpleValue(integer)
* valueInteger ^minValueInteger = 0
