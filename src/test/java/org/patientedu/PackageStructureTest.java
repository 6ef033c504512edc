package org.patientedu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package picture holds: no two packages import each other, however indirectly (each package,
 * sub-packages included, is its own slice), and the FHIR server wiring knows no feature: features
 * plug into it ({@code FhirServerPlugin}), never the reverse.
 */
@AnalyzeClasses(packages = "org.patientedu", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("org.patientedu.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theServerWiringImportsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("org.patientedu.fhirserver..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.patientedu.contentpack..",
              "org.patientedu.review..",
              "org.patientedu.handouts..",
              "org.patientedu.ig..",
              "org.patientedu.terminology..",
              "org.patientedu.education..",
              "org.patientedu.infobutton..");
}
