package org.patientedu.terminology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetFilterComponent;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;

/**
 * Which clinical contexts a code (or a drug name) belongs to, read from the guide's code family
 * value sets ({@link PackTerminology#codeFamilyUrl}), so the server matches exactly what the guide
 * publishes.
 *
 * <p>Why not ask HAPI's terminology service per code: the guide holds ICD-10-CM and SNOMED CT only
 * as fragments (no release of either is available here), and HAPI decides membership in an {@code
 * is-a} filter from the concepts a code system lists. A real encounter code such as O92.79 or O61.1
 * that the fragment does not list is "unknown" to it, while ICD-10-CM's hierarchy is positional and
 * needs no list: O61.1 is below O61 because it starts with it. So this class reads the value sets
 * once and answers from memory: explicit concepts exactly, ICD-10-CM {@code is-a} filters by
 * prefix. HAPI still serves what it can answer from the fragments ({@code $expand}, {@code :below},
 * {@code :in}); a contract test holds both together.
 */
public final class CodeFamilies {

  /** A code system and code, as FHIR writes them. */
  public record SystemCode(String system, String code) {}

  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<SystemCode, Set<ClinicalContext>> exact = new HashMap<>();
  private final Map<String, Set<ClinicalContext>> icd10CmPrefixes = new LinkedHashMap<>();
  private final Map<String, Set<ClinicalContext>> names = new HashMap<>();

  private CodeFamilies() {}

  /**
   * Reads the family of every clinical context from the guide's value sets.
   *
   * @param valueSets the guide's value sets (a family may include others by url)
   * @throws IllegalStateException when a context has no family, or a family uses a rule this class
   *     cannot apply exactly (it would rather not start than match wrongly)
   */
  public static CodeFamilies from(Collection<ValueSet> valueSets) {
    Map<String, ValueSet> byUrl = new HashMap<>();
    valueSets.forEach(vs -> byUrl.put(vs.getUrl(), vs));
    CodeFamilies families = new CodeFamilies();
    for (ClinicalContext context : ClinicalContext.values()) {
      String url = PackTerminology.codeFamilyUrl(context.key());
      ValueSet family = byUrl.get(url);
      if (family == null) {
        throw new IllegalStateException("The guide has no code family " + url);
      }
      families.read(family, context, byUrl::get, new HashSet<>());
    }
    return families;
  }

  private void read(
      ValueSet valueSet,
      ClinicalContext context,
      Function<String, ValueSet> resolve,
      Set<String> seen) {
    if (!seen.add(valueSet.getUrl())) {
      return;
    }
    if (valueSet.getCompose().hasExclude()) {
      throw unreadable(valueSet, "exclude");
    }
    for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      for (var nested : include.getValueSet()) {
        ValueSet included = resolve.apply(nested.getValue());
        if (included == null) {
          throw unreadable(valueSet, "include of unknown value set " + nested.getValue());
        }
        read(included, context, resolve, seen);
      }
      if (!include.hasSystem()) {
        continue;
      }
      String system = include.getSystem();
      for (ConceptReferenceComponent concept : include.getConcept()) {
        exact
            .computeIfAbsent(new SystemCode(system, concept.getCode()), k -> contexts())
            .add(context);
        addName(concept.getDisplay(), context);
        concept.getDesignation().forEach(d -> addName(d.getValue(), context));
      }
      for (ConceptSetFilterComponent filter : include.getFilter()) {
        if (!PackTerminology.ICD10CM.equals(system)
            || filter.getOp() != FilterOperator.ISA
            || !"concept".equals(filter.getProperty())) {
          throw unreadable(
              valueSet, "filter " + filter.getProperty() + " " + filter.getOp() + " on " + system);
        }
        icd10CmPrefixes
            .computeIfAbsent(Icd10Cm.key(filter.getValue()), k -> contexts())
            .add(context);
      }
      if (include.getConcept().isEmpty() && include.getFilter().isEmpty()) {
        throw unreadable(valueSet, "a whole code system (" + system + ")");
      }
    }
  }

  /** The contexts whose family holds this code; empty when none does. */
  public Set<ClinicalContext> contextsOf(String system, String code) {
    if (system == null || code == null || code.isBlank()) {
      return Set.of();
    }
    Set<ClinicalContext> found = contexts();
    Set<ClinicalContext> listed = exact.get(new SystemCode(system, code.strip()));
    if (listed != null) {
      found.addAll(listed);
    }
    if (PackTerminology.ICD10CM.equals(system)) {
      String key = Icd10Cm.key(code);
      icd10CmPrefixes.forEach(
          (prefix, contexts) -> {
            if (key.startsWith(prefix)) {
              found.addAll(contexts);
            }
          });
    }
    return found;
  }

  /**
   * The contexts a name finds (a drug name such as "Pitocin", or a concept's display): the name
   * equals, or contains as whole words, a display or designation of a family's concept. Case and
   * punctuation are ignored.
   */
  public Set<ClinicalContext> contextsNamed(String name) {
    Set<ClinicalContext> found = contexts();
    String wanted = " " + normalize(name) + " ";
    if (wanted.isBlank()) {
      return found;
    }
    names.forEach(
        (known, contexts) -> {
          if (wanted.contains(" " + known + " ")) {
            found.addAll(contexts);
          }
        });
    return found;
  }

  /** The ICD-10-CM categories (is-a filters) of a context's family, for documentation and tests. */
  public List<String> icd10CmCategories(ClinicalContext context) {
    List<String> categories = new ArrayList<>();
    icd10CmPrefixes.forEach(
        (prefix, contexts) -> {
          if (contexts.contains(context)) {
            categories.add(prefix);
          }
        });
    return categories;
  }

  private void addName(String name, ClinicalContext context) {
    String normalized = normalize(name);
    if (!normalized.isEmpty()) {
      names.computeIfAbsent(normalized, k -> contexts()).add(context);
    }
  }

  private static String normalize(String text) {
    return text == null ? "" : WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static Set<ClinicalContext> contexts() {
    return EnumSet.noneOf(ClinicalContext.class);
  }

  private static IllegalStateException unreadable(ValueSet valueSet, String what) {
    return new IllegalStateException(
        "Code family "
            + valueSet.getUrl()
            + " uses "
            + what
            + ", which the server cannot match exactly; write it as the guide's families are"
            + " written (see ig/input/fsh/valuesets/families)");
  }
}
