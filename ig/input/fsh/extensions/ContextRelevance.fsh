Extension: ContextRelevance
Id: context-relevance
Title: "Clinical context relevance"
Description: "On each clinical-context code of a page (Library.useContext, DocumentReference.context.event): how central that clinical context is to the page (primary: the page is about it; secondary: the page touches it) and, in one line, why the page fits it. An editorial choice made per page, so an EHR-facing answer can rank primary pages first or leave secondary ones out. Every code of one context on one page carries the same relevance and reason."
Context: Library.useContext, DocumentReference.context.event
* extension contains
    relevance 1..1 MS and
    reason 0..1 MS
* extension[relevance] ^short = "primary or secondary"
* extension[relevance].value[x] 1..1
* extension[relevance].value[x] only code
* extension[relevance].valueCode from ContextRelevanceVS (required)
* extension[reason] ^short = "Why the page fits this context, in one line"
* extension[reason].value[x] 1..1
* extension[reason].value[x] only string
