// RxNorm concepts for oxytocin injection, for order-time lookups (an oxytocin order finds labor
// and delivery education).
//
// Checked on 2026-11-30 in FDA's NDC directory through openFDA
// (api.fda.gov/drug/ndc.json?search=packaging.package_ndc:"42023-130-06"): Pitocin, NDC
// 42023-130 (Par), generic name oxytocin, 10 units/mL injection, openfda.rxcui 207315 and 238013,
// the RxNorm concepts NLM maps that product to. Their RxNorm names could not be read from an NLM
// page here, so no display is given (none invented); the designations carry the names FDA's
// listing states for them, brand "Pitocin" and generic "oxytocin", which is what a request by
// drug name is matched on. The ingredient concept and the generic clinical drug could not be
// checked against a public NLM or VSAC page here and are not listed yet.
Instance: OxytocinMedicationsVS
InstanceOf: ValueSet
Usage: #definition
Title: "Oxytocin injection (RxNorm)"
Description: "RxNorm concepts for oxytocin injection (Pitocin), as FDA's NDC directory maps the Pitocin product to RxNorm."
* id = "oxytocin-medications"
* url = "http://fhir.patientedu.org/ValueSet/oxytocin-medications"
* name = "OxytocinMedicationsVS"
* title = "Oxytocin injection (RxNorm)"
* status = #active
* experimental = false
* description = "RxNorm concepts for oxytocin injection (Pitocin), as FDA's NDC directory maps the Pitocin product to RxNorm."
* compose.include[0].system = $RXNORM
* compose.include[0].concept[0].code = #207315
* compose.include[0].concept[0].designation[0].language = #en
* compose.include[0].concept[0].designation[0].value = "Pitocin"
* compose.include[0].concept[0].designation[1].language = #en
* compose.include[0].concept[0].designation[1].value = "oxytocin"
* compose.include[0].concept[1].code = #238013
* compose.include[0].concept[1].designation[0].language = #en
* compose.include[0].concept[1].designation[0].value = "Pitocin"
* compose.include[0].concept[1].designation[1].language = #en
* compose.include[0].concept[1].designation[1].value = "oxytocin"
