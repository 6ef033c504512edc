Extension: Disclaimer
Id: disclaimer
Title: "Source disclaimer"
Description: "The source's own disclaimer, word for word (for example Healthwise's \"This information does not replace the advice of a doctor. Healthwise, Incorporated disclaims any warranty or liability ...\"). A handout prints it in place of the server's generic sentence."
Context: Library
* insert SimpleValue(string)
