package org.patientedu.contentpack.fhir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UsageContext;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;

/**
 * The clinical contexts of a page in FHIR: one Library.useContext (focus) per chosen code, so
 * {@code Library?context=system|code} matches each, and the same codes as
 * DocumentReference.context.event. Every code carries the extension context-relevance (the tag's
 * relevance and reason), so a client reading one code knows how central its context is to the page.
 * Read back as the tags, in the order written.
 */
public final class ContextElements {

  private ContextElements() {}

  public static void addUseContexts(Library library, List<ContextTag> tags) {
    for (ContextTag tag : tags) {
      for (ClinicalContext.Code code : tag.codes()) {
        UsageContext useContext =
            new UsageContext(
                new Coding(
                    PackTerminology.USAGE_CONTEXT_TYPE,
                    PackTerminology.USAGE_CONTEXT_FOCUS,
                    "Clinical Focus"),
                new CodeableConcept(coding(code)));
        useContext.addExtension(relevance(tag));
        library.addUseContext(useContext);
      }
    }
  }

  public static void addEvents(DocumentReference document, List<ContextTag> tags) {
    for (ContextTag tag : tags) {
      for (ClinicalContext.Code code : tag.codes()) {
        CodeableConcept event = new CodeableConcept(coding(code));
        event.addExtension(relevance(tag));
        document.getContext().addEvent(event);
      }
    }
  }

  /** The contexts a Library is tagged with, in the order ClinicalContext declares. */
  public static List<ClinicalContext> contexts(Library library) {
    return inDeclaredOrder(tags(library));
  }

  public static List<ClinicalContext> contexts(DocumentReference document) {
    return inDeclaredOrder(tags(document));
  }

  /** The tags of a Library, in the order of its useContexts; codes of no context are ignored. */
  public static List<ContextTag> tags(Library library) {
    List<Tagged> tagged = new ArrayList<>();
    for (UsageContext useContext : library.getUseContext()) {
      if (useContext.hasValueCodeableConcept()) {
        tagged.add(new Tagged(useContext, useContext.getValueCodeableConcept()));
      }
    }
    return collect(tagged);
  }

  /** The tags of a DocumentReference, in the order of its context.event codes. */
  public static List<ContextTag> tags(DocumentReference document) {
    return collect(
        document.getContext().getEvent().stream().map(event -> new Tagged(event, event)).toList());
  }

  /** One coded element and where its context-relevance extension sits. */
  private record Tagged(Element carrier, CodeableConcept concept) {}

  private static List<ContextTag> collect(List<Tagged> tagged) {
    Map<ClinicalContext, List<ClinicalContext.Code>> codes = new LinkedHashMap<>();
    Map<ClinicalContext, Extension> relevance = new LinkedHashMap<>();
    for (Tagged one : tagged) {
      for (Coding coding : one.concept().getCoding()) {
        for (ClinicalContext context : ClinicalContext.values()) {
          for (ClinicalContext.Code code : context.codes()) {
            if (code.system().equals(coding.getSystem()) && code.code().equals(coding.getCode())) {
              List<ClinicalContext.Code> known =
                  codes.computeIfAbsent(context, c -> new ArrayList<>());
              if (!known.contains(code)) {
                known.add(code);
              }
              Extension extension =
                  one.carrier().getExtensionByUrl(PackTerminology.EXT_CONTEXT_RELEVANCE);
              if (extension != null) {
                relevance.putIfAbsent(context, extension);
              }
            }
          }
        }
      }
    }
    List<ContextTag> tags = new ArrayList<>();
    codes.forEach(
        (context, chosen) -> {
          Extension extension = relevance.get(context);
          tags.add(
              new ContextTag(
                  context,
                  relevanceOf(extension),
                  chosen,
                  extension == null
                      ? null
                      : part(extension, PackTerminology.EXT_CONTEXT_RELEVANCE_REASON)));
        });
    return tags;
  }

  /** Without the extension (a resource written elsewhere) a context counts as secondary. */
  private static ContextTag.Relevance relevanceOf(Extension extension) {
    String code =
        extension == null ? null : part(extension, PackTerminology.EXT_CONTEXT_RELEVANCE_RELEVANCE);
    try {
      return code == null ? ContextTag.Relevance.SECONDARY : ContextTag.Relevance.fromCode(code);
    } catch (IllegalArgumentException unknown) {
      return ContextTag.Relevance.SECONDARY;
    }
  }

  private static String part(Extension extension, String url) {
    Extension part = extension.getExtensionByUrl(url);
    return part == null || !part.hasValue() ? null : part.getValue().primitiveValue();
  }

  private static List<ClinicalContext> inDeclaredOrder(List<ContextTag> tags) {
    List<ClinicalContext> present = tags.stream().map(ContextTag::context).toList();
    return Arrays.stream(ClinicalContext.values()).filter(present::contains).toList();
  }

  private static Extension relevance(ContextTag tag) {
    Extension extension = new Extension(PackTerminology.EXT_CONTEXT_RELEVANCE);
    extension.addExtension(
        PackTerminology.EXT_CONTEXT_RELEVANCE_RELEVANCE, new CodeType(tag.relevance().code()));
    if (tag.reason() != null) {
      extension.addExtension(
          PackTerminology.EXT_CONTEXT_RELEVANCE_REASON, new StringType(tag.reason()));
    }
    return extension;
  }

  private static Coding coding(ClinicalContext.Code code) {
    return new Coding(code.system(), code.code(), code.display());
  }
}
