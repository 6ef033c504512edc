// The SNOMED CT concepts this guide uses, as a fragment, so a FHIR server that loads this package
// can answer Library?context:below=http://snomed.info/sct|236973005 and expand the code family
// value sets. No SNOMED CT release is available to this project: every concept here was checked
// by hand, none is invented.
//
// Checked on 2026-11-30: 11466000 "Cesarean section", 302383004 "Forceps delivery", 61586001
// "Delivery by vacuum extraction" in CDC PHIN VADS value set "Delivery Routes (NCHS)"
// (phinvads.cdc.gov, OID 2.16.840.1.114222.4.11.7118); the same three and 700000006 "Vaginal
// delivery of fetus (procedure)" in HL7's Birth and Fetal Death Reporting guide, ConceptMap
// DeliveryRoutesCM (hl7.org/fhir/us/bfdr). The general codes (236973005, 177184002, 413712001,
// 278414003) are the ones the content pack already carries (ClinicalContext). Each delivery
// method is placed directly under 236973005 "Delivery procedure" (it is a delivery procedure);
// SNOMED CT's intermediate concepts between them were not checked and are left out, which keeps
// :below right. No descendant of 413712001 or 278414003 could be checked, so none is listed.
CodeSystem: SnomedFragmentCS
Id: snomed-ct-fragment
Title: "SNOMED CT (fragment: the concepts this guide uses)"
Description: "The SNOMED CT concepts of this guide's clinical contexts and code families, as a fragment of SNOMED CT: a curated list of descendants, each checked against public HL7 and CDC value sets. Lets a FHIR server that loads the package answer :below searches and expand the code family value sets. Not a distribution of SNOMED CT."
* ^url = "http://snomed.info/sct"
* ^caseSensitive = true
* ^content = #fragment
* ^hierarchyMeaning = #is-a
* ^experimental = false
* #236973005 "Delivery procedure"
* #236973005 #177184002 "Normal delivery procedure"
* #236973005 #700000006 "Vaginal delivery of fetus"
* #236973005 #11466000 "Cesarean section"
* #236973005 #302383004 "Forceps delivery"
* #236973005 #61586001 "Delivery by vacuum extraction"
* #413712001 "Breastfeeding (mother)"
* #278414003 "Pain management"
