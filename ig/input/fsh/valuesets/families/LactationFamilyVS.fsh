ValueSet: LactationFamilyVS
Id: context-lactation
Title: "Code family: lactation and breastfeeding"
Description: "Codes that find lactation and breastfeeding education: ICD-10-CM Z39.1 (care and examination of a lactating mother), O91 (infections of breast associated with pregnancy, the puerperium and lactation) and O92 (other disorders of breast and disorders of lactation), with every code below them; SNOMED CT breastfeeding (mother)."
* ^url = "http://fhir.patientedu.org/ValueSet/context-lactation"
* ^experimental = false
* include codes from system $ICD10CM where concept is-a #Z39.1
* include codes from system $ICD10CM where concept is-a #O91
* include codes from system $ICD10CM where concept is-a #O92
* $SCT#413712001 "Breastfeeding (mother)"
