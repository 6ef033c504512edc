package org.patientedu.contentpack.building;

import java.util.List;

import org.hl7.fhir.r4.model.Binary;
import org.patientedu.contentpack.importer.ImportSettings;
import org.patientedu.contentpack.importer.ParsedPage;

/** ParsedPage + editorial choices → the pack entry's resources. Deterministic: no clock, no randomness. */
public final class PackEntryBuilder {

    private PackEntryBuilder() {
    }

    public static PackEntry build(ParsedPage page, ImportSettings settings) {
        String title = page.title() == null ? settings.id() : page.title();
        Rendition html = HtmlRendition.rendition(page, settings.language(), settings.htmlBinaryId(), title + " (HTML)");
        Rendition text = TextRendition.rendition(page, settings.textBinaryId(), title + " (plain text)");
        List<Rendition> renditions = List.of(html, text);
        return new PackEntry(
                LibraryBuilder.build(page, settings, renditions),
                DocumentReferenceBuilder.build(page, settings, renditions),
                binary(html),
                binary(text));
    }

    private static Binary binary(Rendition rendition) {
        Binary binary = new Binary();
        binary.setId(rendition.binaryId());
        binary.setContentType(rendition.contentType());
        binary.setData(rendition.bytes());
        return binary;
    }
}
