// The ICD-10-CM codes this guide uses, with their place in the ICD-10-CM hierarchy, so a FHIR
// server that loads this package can answer Library?context:below=...|O92 and expand the code
// family value sets without the whole of ICD-10-CM. A fragment: every other ICD-10-CM code exists
// and is simply not listed here (codes below a family's categories are matched by their prefix,
// see the family value sets).
//
// Titles as published in the ICD-10-CM tabular list (CDC/NCHS), checked on 2026-11-30 against
// public ICD-10-CM listings: icdlist.com/icd-10/O62 (O62, O62.2 and the block "Complications of
// labor and delivery (O60-O77)"), icdlist.com/icd-10/codes/failed-induction-of-labor-o61 (O61,
// O61.0), diseasedb.com/icd10/O92.7 (O92.7), healthassure.in ICD-10 O92.3 page (category O92 and
// block O85-O92), icdlist.com/icd-10/codes/pain-not-elsewhere-classified-g89 (G89, G89.2, G89.29,
// G89.4), legalclarity.org postpartum ICD-10 codes citing ICD10Data (Z39, Z39.1). O80 and O92.79
// are the titles the content pack already carries (ClinicalContext).
CodeSystem: Icd10CmFragmentCS
Id: icd-10-cm-fragment
Title: "ICD-10-CM (fragment: the codes this guide uses)"
Description: "The ICD-10-CM codes of this guide's clinical contexts and code families, with their parent categories, as a fragment of ICD-10-CM. Lets a FHIR server that loads the package answer :below and :above searches and expand the code family value sets. Not a distribution of ICD-10-CM: every code not listed here still exists."
* ^url = "http://hl7.org/fhir/sid/icd-10-cm"
* ^caseSensitive = true
* ^content = #fragment
* ^hierarchyMeaning = #is-a
* ^experimental = false
* #O61 "Failed induction of labor"
* #O61 #O61.0 "Failed medical induction of labor"
* #O62 "Abnormalities of forces of labor"
* #O62 #O62.2 "Other uterine inertia"
* #O80 "Encounter for full-term uncomplicated delivery"
* #O92 "Other disorders of breast and disorders of lactation associated with pregnancy and the puerperium"
* #O92 #O92.7 "Other and unspecified disorders of lactation"
* #O92 #O92.7 #O92.79 "Other disorders of lactation"
* #Z39 "Encounter for maternal postpartum care and examination"
* #Z39 #Z39.1 "Encounter for care and examination of lactating mother"
* #G89 "Pain, not elsewhere classified"
* #G89 #G89.2 "Chronic pain, not elsewhere classified"
* #G89 #G89.2 #G89.29 "Other chronic pain"
* #G89 #G89.4 "Chronic pain syndrome"
