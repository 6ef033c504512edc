package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * What the human-readable guide at {@code /ig/} shows, read from the package itself so the page and
 * the package cannot disagree: profiles with their constrained and must-support elements,
 * extensions, value sets with their codes, search parameters, operations, examples and pages.
 */
public final class IgGuide {

  public record Element(String path, String cardinality, boolean mustSupport, String note) {}

  public record Profile(
      String id,
      String title,
      String url,
      String baseType,
      String description,
      List<Element> elements) {}

  public record Code(String system, String code, String display) {}

  public record Terminology(
      String id, String title, String url, String description, List<Code> codes) {}

  public record Search(
      String code, String type, String base, String expression, String description) {}

  public record Operation(String code, String level, String description, List<String> parameters) {}

  /** {@code liveUrl} is null for examples that only the package holds. */
  public record Example(String type, String id, String title, String liveUrl) {}

  public record Page(String name, String title) {}

  private final String name;
  private final String version;
  private final String title;
  private final String canonical;
  private final List<Profile> profiles = new ArrayList<>();
  private final List<Profile> extensions = new ArrayList<>();
  private final List<Terminology> valueSets = new ArrayList<>();
  private final List<Terminology> codeSystems = new ArrayList<>();
  private final List<Search> searchParameters = new ArrayList<>();
  private final List<Operation> operations = new ArrayList<>();
  private final List<Example> examples = new ArrayList<>();
  private final Map<String, String> pages = new LinkedHashMap<>();

  IgGuide(IgPackage igPackage, FhirContext fhirContext) {
    NpmPackage npm = igPackage.npm();
    IParser parser = fhirContext.newJsonParser();
    this.name = npm.name();
    this.version = npm.version();
    this.title = npm.title();
    this.canonical = npm.canonical();
    List<Resource> definitions = read(npm.getFolders().get("package"), parser);
    DefaultProfileValidationSupport core = new DefaultProfileValidationSupport(fhirContext);
    Map<String, CodeSystem> codeSystemsByUrl =
        definitions.stream()
            .filter(CodeSystem.class::isInstance)
            .map(CodeSystem.class::cast)
            .collect(Collectors.toMap(CodeSystem::getUrl, cs -> cs));
    for (Resource resource : definitions) {
      if (resource instanceof StructureDefinition sd) {
        Profile profile =
            new Profile(
                sd.getIdPart(),
                sd.getTitle(),
                sd.getUrl(),
                sd.getType(),
                sd.getDescription(),
                elements(sd, core));
        ("Extension".equals(sd.getType()) ? extensions : profiles).add(profile);
      } else if (resource instanceof ValueSet vs) {
        valueSets.add(
            new Terminology(
                vs.getIdPart(),
                vs.getTitle(),
                vs.getUrl(),
                vs.getDescription(),
                codes(vs, codeSystemsByUrl)));
      } else if (resource instanceof CodeSystem cs) {
        codeSystems.add(
            new Terminology(
                cs.getIdPart(),
                cs.getTitle(),
                cs.getUrl(),
                cs.getDescription(),
                cs.getConcept().stream()
                    .map(c -> new Code(cs.getUrl(), c.getCode(), c.getDisplay()))
                    .toList()));
      } else if (resource instanceof SearchParameter sp) {
        searchParameters.add(
            new Search(
                sp.getCode(),
                sp.getType().toCode(),
                sp.getBase().stream().map(b -> b.getCode()).collect(Collectors.joining(", ")),
                sp.getExpression(),
                sp.getDescription()));
      } else if (resource instanceof OperationDefinition op) {
        operations.add(operation(op));
      }
    }
    for (Resource resource : read(npm.getFolders().get("example"), parser)) {
      examples.add(example(resource));
    }
    NpmPackage.NpmPackageFolder other = npm.getFolders().get("other");
    for (String file : other == null ? List.<String>of() : fileNames(other)) {
      if (file.endsWith(".md")) {
        pages.put(file.substring(0, file.length() - 3), text(other, file));
      }
    }
    // catalog Library first, then its document, then the patient-specific record
    List<String> order =
        List.of(
            "patient-education-library",
            "patient-education-documentreference",
            "education-given-documentreference");
    profiles.sort(
        Comparator.comparing(
            (Profile p) -> order.indexOf(p.id()) < 0 ? order.size() : order.indexOf(p.id())));
    extensions.sort(Comparator.comparing(Profile::title));
    examples.sort(Comparator.comparing(Example::type).reversed().thenComparing(Example::id));
  }

  /**
   * Differential elements a reader must know: constrained cardinality, must-support, fixed values,
   * bindings, types.
   */
  private static List<Element> elements(
      StructureDefinition sd, DefaultProfileValidationSupport core) {
    List<Element> elements = new ArrayList<>();
    for (ElementDefinition element : sd.getDifferential().getElement()) {
      if (!element.hasMin()
          && !element.hasMax()
          && !element.getMustSupport()
          && !element.hasPattern()
          && !element.hasFixed()
          && !element.hasBinding()
          && !element.hasType()
          && !element.hasSliceName()) {
        continue;
      }
      String path = element.getId() == null ? element.getPath() : element.getId();
      if (path.equals(sd.getType())) {
        continue;
      }
      String cardinality =
          element.hasMin() || element.hasMax()
              ? (element.hasMin() ? String.valueOf(element.getMin()) : "0")
                  + ".."
                  + (element.hasMax() ? element.getMax() : baseMax(core, element.getPath()))
              : "";
      elements.add(new Element(path, cardinality, element.getMustSupport(), note(element)));
    }
    return elements;
  }

  /**
   * SUSHI's differential often states only the new minimum; the maximum is the base definition's,
   * found in the resource or, one level down, in the data type (Attachment.url for content.url).
   */
  private static String baseMax(DefaultProfileValidationSupport core, String path) {
    String[] parts = path.split("\\.");
    StructureDefinition base = coreDefinition(core, parts[0]);
    for (int split = parts.length; split >= 1 && base != null; split--) {
      String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, split));
      Optional<ElementDefinition> found =
          base.getSnapshot().getElement().stream()
              .filter(e -> e.getPath().equals(prefix))
              .findFirst();
      if (found.isEmpty()) {
        continue;
      }
      if (split == parts.length) {
        return found.get().getMax();
      }
      if (found.get().getType().size() == 1) {
        String type = found.get().getType().get(0).getCode();
        String rest =
            type + "." + String.join(".", java.util.Arrays.copyOfRange(parts, split, parts.length));
        StructureDefinition datatype = coreDefinition(core, type);
        if (datatype != null) {
          return datatype.getSnapshot().getElement().stream()
              .filter(e -> e.getPath().equals(rest))
              .map(ElementDefinition::getMax)
              .findFirst()
              .orElse("*");
        }
      }
      break;
    }
    return "*";
  }

  private static StructureDefinition coreDefinition(
      DefaultProfileValidationSupport core, String type) {
    return (StructureDefinition)
        core.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
  }

  private static String note(ElementDefinition element) {
    List<String> notes = new ArrayList<>();
    if (element.hasPattern()) {
      notes.add("= " + value(element.getPattern()));
    }
    if (element.hasFixed()) {
      notes.add("= " + value(element.getFixed()));
    }
    if (element.hasBinding() && element.getBinding().hasValueSet()) {
      notes.add(
          "from "
              + element.getBinding().getValueSet()
              + " ("
              + element.getBinding().getStrength().toCode()
              + ")");
    }
    if (element.hasType()) {
      notes.add(
          element.getType().stream()
              .map(
                  t ->
                      t.getCode()
                          + (t.hasProfile()
                              ? " " + t.getProfile().stream().map(p -> p.getValue()).toList()
                              : "")
                          + (t.hasTargetProfile()
                              ? " " + t.getTargetProfile().stream().map(p -> p.getValue()).toList()
                              : ""))
              .collect(Collectors.joining(" | ")));
    }
    return String.join("; ", notes);
  }

  private static String value(org.hl7.fhir.r4.model.Type value) {
    if (value instanceof org.hl7.fhir.r4.model.CodeableConcept concept) {
      return concept.getCoding().stream()
          .map(c -> c.getSystem() + "#" + c.getCode())
          .collect(Collectors.joining(", "));
    }
    if (value instanceof org.hl7.fhir.r4.model.Coding coding) {
      return coding.getSystem() + "#" + coding.getCode();
    }
    return value.primitiveValue() != null ? value.primitiveValue() : value.fhirType();
  }

  /** Enumerated codes, and whole code systems of this package that the value set includes. */
  private static List<Code> codes(ValueSet vs, Map<String, CodeSystem> codeSystems) {
    List<Code> codes = new ArrayList<>();
    for (ConceptSetComponent include : vs.getCompose().getInclude()) {
      if (include.hasConcept()) {
        include
            .getConcept()
            .forEach(c -> codes.add(new Code(include.getSystem(), c.getCode(), c.getDisplay())));
      } else if (codeSystems.containsKey(include.getSystem())) {
        for (ConceptDefinitionComponent concept :
            codeSystems.get(include.getSystem()).getConcept()) {
          codes.add(new Code(include.getSystem(), concept.getCode(), concept.getDisplay()));
        }
      }
    }
    return codes;
  }

  private static Operation operation(OperationDefinition op) {
    String level =
        op.getInstance()
            ? op.getResource().get(0).getCode() + "/[id]/$" + op.getCode()
            : "/$" + op.getCode();
    List<String> parameters =
        op.getParameter().stream()
            .map(
                p ->
                    p.getUse().toCode()
                        + " "
                        + p.getName()
                        + " "
                        + p.getMin()
                        + ".."
                        + p.getMax()
                        + (p.hasType() ? " " + p.getType() : "")
                        + (p.hasPart()
                            ? " ("
                                + p.getPart().stream()
                                    .map(part -> part.getName())
                                    .collect(Collectors.joining(", "))
                                + ")"
                            : ""))
            .toList();
    return new Operation(op.getCode(), level, op.getDescription(), parameters);
  }

  private static Example example(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    String title =
        resource instanceof Library library
            ? library.getTitle()
            : resource instanceof DocumentReference doc ? doc.getDescription() : id;
    // The pack's pages are on this server; the patient-specific example exists only in the package.
    boolean live = id.startsWith("oxytocin-");
    return new Example(
        resource.fhirType(), id, title, live ? "/fhir/" + resource.fhirType() + "/" + id : null);
  }

  private static List<Resource> read(NpmPackage.NpmPackageFolder folder, IParser parser) {
    List<Resource> resources = new ArrayList<>();
    if (folder == null) {
      return resources;
    }
    for (String file : fileNames(folder)) {
      if (file.endsWith(".json") && !file.startsWith(".") && !file.equals("package.json")) {
        resources.add((Resource) parser.parseResource(text(folder, file)));
      }
    }
    return resources;
  }

  private static List<String> fileNames(NpmPackage.NpmPackageFolder folder) {
    return folder.listFiles().stream().sorted().toList();
  }

  private static String text(NpmPackage.NpmPackageFolder folder, String file) {
    try {
      return new String(folder.fetchFile(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  public String canonical() {
    return canonical;
  }

  public List<Profile> profiles() {
    return profiles;
  }

  public List<Profile> extensions() {
    return extensions;
  }

  public List<Terminology> valueSets() {
    return valueSets;
  }

  public List<Terminology> codeSystems() {
    return codeSystems;
  }

  public List<Search> searchParameters() {
    return searchParameters;
  }

  public List<Operation> operations() {
    return operations;
  }

  public List<Example> examples() {
    return examples;
  }

  /** Page names in menu order (sushi-config.yaml's order is not in the package; index first). */
  public List<Page> pages() {
    List<Page> list = new ArrayList<>();
    for (String page : List.of("index", "credits-mapping", "querying", "loading", "changes")) {
      markdown(page).ifPresent(md -> list.add(new Page(page, Markdown.title(md, page))));
    }
    pages.keySet().stream()
        .filter(p -> list.stream().noneMatch(l -> l.name().equals(p)))
        .forEach(p -> list.add(new Page(p, Markdown.title(pages.get(p), p))));
    return list;
  }

  public Optional<String> markdown(String page) {
    return Optional.ofNullable(pages.get(page));
  }
}
