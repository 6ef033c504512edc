Extension: AiGenerated
Id: ai-generated
Title: "AI generated"
Description: "True when the author is an AI tool rather than a person (for example a page written with ChatGPT). Carried on Library.author (ContactDetail) and on DocumentReference.author (Reference) so readers of either resource are told."
Context: ContactDetail, Reference
* insert SimpleValue(boolean)
