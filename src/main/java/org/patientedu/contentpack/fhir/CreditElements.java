package org.patientedu.contentpack.fhir;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Person;

/**
 * Authors and medical reviewers in FHIR: a {@link Person} as a ContactDetail (with the credentials,
 * specialty and AI-tool extensions) and back, and the DocumentReference's copy of the review (this
 * guide's last-review-date and reviewer extensions), which DocumentReference has no element for.
 */
public final class CreditElements {

  private CreditElements() {}

  /** Author as stated; credentials and the AI-tool flag go on the ContactDetail itself. */
  public static ContactDetail author(Person person) {
    ContactDetail detail = new ContactDetail().setName(person.name());
    if (person.credentials() != null) {
      detail.addExtension(
          PackTerminology.EXT_AUTHOR_CREDENTIALS, new StringType(person.credentials()));
    }
    if (person.aiTool()) {
      detail.addExtension(PackTerminology.EXT_AI_GENERATED, new BooleanType(true));
    }
    return detail;
  }

  /**
   * Reviewer: name without credentials; specialty as written (+ NUCC where we are sure);
   * credentials.
   */
  public static ContactDetail reviewer(Person person) {
    ContactDetail detail = new ContactDetail().setName(person.name());
    if (person.specialty() != null) {
      CodeableConcept specialty = new CodeableConcept().setText(person.specialty());
      Coding nucc = nuccCoding(person.specialty());
      if (nucc != null) {
        specialty.addCoding(nucc);
      }
      detail.addExtension(PackTerminology.EXT_REVIEWER_SPECIALTY, specialty);
    }
    if (person.credentials() != null) {
      detail.addExtension(
          PackTerminology.EXT_REVIEWER_CREDENTIALS, new StringType(person.credentials()));
    }
    return detail;
  }

  /**
   * A DocumentReference author: a display-only reference (authors are not resources here); AI tools
   * carry the same flag as in the Library.
   */
  public static Reference authorReference(Person author) {
    Reference reference = new Reference().setDisplay(author.nameWithCredentials());
    if (author.aiTool()) {
      reference.addExtension(PackTerminology.EXT_AI_GENERATED, new BooleanType(true));
    }
    return reference;
  }

  /** An author or reviewer ContactDetail read back; the specialty falls back to a coding's name. */
  public static Person person(ContactDetail detail) {
    String credentials = string(detail, PackTerminology.EXT_REVIEWER_CREDENTIALS);
    if (credentials == null) {
      credentials = string(detail, PackTerminology.EXT_AUTHOR_CREDENTIALS);
    }
    String specialty = null;
    Extension specialtyExt = detail.getExtensionByUrl(PackTerminology.EXT_REVIEWER_SPECIALTY);
    if (specialtyExt != null && specialtyExt.getValue() instanceof CodeableConcept concept) {
      specialty =
          concept.hasText()
              ? concept.getText()
              : concept.getCoding().stream()
                  .filter(Coding::hasDisplay)
                  .map(Coding::getDisplay)
                  .findFirst()
                  .orElse(null);
    }
    return new Person(detail.getName(), credentials, specialty, isAiTool(detail));
  }

  public static List<Person> authors(Library library) {
    return library.getAuthor().stream().map(CreditElements::person).toList();
  }

  /**
   * A DocumentReference's authors as it names them (display, credentials included) with the AI-tool
   * flag.
   */
  public static List<Person> authors(DocumentReference document) {
    return document.getAuthor().stream()
        .filter(Reference::hasDisplay)
        .map(author -> new Person(author.getDisplay(), null, null, isAiTool(author)))
        .toList();
  }

  public static List<Person> reviewers(Library library) {
    return library.getReviewer().stream().map(CreditElements::person).toList();
  }

  /** The reviewers a DocumentReference carries (extension reviewer). */
  public static List<Person> reviewers(DocumentReference document) {
    return document.getExtensionsByUrl(PackTerminology.EXT_REVIEWER).stream()
        .map(Extension::getValue)
        .filter(ContactDetail.class::isInstance)
        .map(value -> person((ContactDetail) value))
        .toList();
  }

  /**
   * Replaces the review a DocumentReference carries: its date (null when the source states none)
   * and its reviewers, as the Library's lastReviewDate and reviewer say.
   */
  public static void setReview(DocumentReference document, DateType date, List<Person> reviewers) {
    document
        .getExtension()
        .removeIf(
            e ->
                PackTerminology.EXT_LAST_REVIEW_DATE.equals(e.getUrl())
                    || PackTerminology.EXT_REVIEWER.equals(e.getUrl()));
    if (date != null) {
      document.addExtension(PackTerminology.EXT_LAST_REVIEW_DATE, date);
    }
    reviewers.forEach(r -> document.addExtension(PackTerminology.EXT_REVIEWER, reviewer(r)));
  }

  /** The last review date a Library or DocumentReference states, or null. */
  public static DateType lastReviewDate(DomainResource resource) {
    if (resource instanceof Library library) {
      return library.hasLastReviewDate() ? library.getLastReviewDateElement() : null;
    }
    if (resource instanceof DocumentReference document) {
      Extension extension = document.getExtensionByUrl(PackTerminology.EXT_LAST_REVIEW_DATE);
      return extension != null && extension.getValue() instanceof DateType date ? date : null;
    }
    return null;
  }

  /** Only the two taxonomy codes we can vouch for; any other specialty stays text. */
  static Coding nuccCoding(String specialty) {
    String s = specialty.trim().toLowerCase(Locale.ROOT).replace("&", "and");
    if (s.equals("family medicine")) {
      return new Coding(
          PackTerminology.NUCC, PackTerminology.NUCC_FAMILY_MEDICINE, "Family Medicine");
    }
    if (s.equals("obstetrics and gynecology")) {
      return new Coding(
          PackTerminology.NUCC,
          PackTerminology.NUCC_OBSTETRICS_GYNECOLOGY,
          "Obstetrics & Gynecology");
    }
    return null;
  }

  private static boolean isAiTool(Element element) {
    Extension flag = element.getExtensionByUrl(PackTerminology.EXT_AI_GENERATED);
    return flag != null && flag.getValue() instanceof BooleanType value && value.booleanValue();
  }

  private static String string(Element element, String url) {
    Extension extension = element.getExtensionByUrl(url);
    return extension == null || !extension.hasValue()
        ? null
        : extension.getValue().primitiveValue();
  }
}
