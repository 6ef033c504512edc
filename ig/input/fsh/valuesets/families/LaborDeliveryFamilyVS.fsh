// Code families: one value set per clinical context (url .../ValueSet/context-<key>, the key as in
// the clinical context code system and import.properties). A code in a context's family finds
// that context's pages: the Infobutton responder and the CDS Hooks services match an encounter's
// codes against these value sets (org.patientedu.terminology.CodeFamilies), and FHIR searches can
// use them (Library?context:in=<url>).
//
// How a family is written, so the server can match any real code, not only the codes listed:
// - ICD-10-CM is hierarchical by prefix. A category and everything below it is one include with a
//   filter "concept is-a <category>" (O92 covers O92.7, O92.79, ...). A range of categories such
//   as the block "O60-O77 Complications of labor and delivery" is written as one such include per
//   three-character category in it (O60, O61, ..., O77): block names like "O60-O77" are not
//   ICD-10-CM codes and never appear as one. The server matches these filters by prefix (dots
//   ignored), so codes the ICD-10-CM fragment does not list still match.
// - SNOMED CT and RxNorm families are explicit lists of concepts (no release of either is
//   available here to compute descendants from): only concepts checked by hand, see
//   SnomedFragmentCS and OxytocinMedicationsVS.
// - No other filter is used; the server refuses to start on a value set it cannot read this way.
ValueSet: LaborDeliveryFamilyVS
Id: context-labor-delivery
Title: "Code family: labor and delivery"
Description: "Codes that find labor and delivery education: ICD-10-CM complications of labor and delivery (O60-O77) and encounters for delivery (O80-O82; ICD-10-CM has no O81), with every code below them; SNOMED CT delivery procedures; RxNorm oxytocin injection (for order-time lookups)."
* ^url = "http://fhir.patientedu.org/ValueSet/context-labor-delivery"
* ^experimental = false
// O60-O77 Complications of labor and delivery, one include per category
* include codes from system $ICD10CM where concept is-a #O60
* include codes from system $ICD10CM where concept is-a #O61
* include codes from system $ICD10CM where concept is-a #O62
* include codes from system $ICD10CM where concept is-a #O63
* include codes from system $ICD10CM where concept is-a #O64
* include codes from system $ICD10CM where concept is-a #O65
* include codes from system $ICD10CM where concept is-a #O66
* include codes from system $ICD10CM where concept is-a #O67
* include codes from system $ICD10CM where concept is-a #O68
* include codes from system $ICD10CM where concept is-a #O69
* include codes from system $ICD10CM where concept is-a #O70
* include codes from system $ICD10CM where concept is-a #O71
* include codes from system $ICD10CM where concept is-a #O72
* include codes from system $ICD10CM where concept is-a #O73
* include codes from system $ICD10CM where concept is-a #O74
* include codes from system $ICD10CM where concept is-a #O75
* include codes from system $ICD10CM where concept is-a #O76
* include codes from system $ICD10CM where concept is-a #O77
// O80-O82 Encounter for delivery
* include codes from system $ICD10CM where concept is-a #O80
* include codes from system $ICD10CM where concept is-a #O82
// SNOMED CT: delivery procedures (see SnomedFragmentCS for where each was checked)
* $SCT#236973005 "Delivery procedure"
* $SCT#177184002 "Normal delivery procedure"
* $SCT#700000006 "Vaginal delivery of fetus"
* $SCT#11466000 "Cesarean section"
* $SCT#302383004 "Forceps delivery"
* $SCT#61586001 "Delivery by vacuum extraction"
// RxNorm: oxytocin injection
* include codes from valueset OxytocinMedicationsVS
