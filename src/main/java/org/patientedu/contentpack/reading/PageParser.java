package org.patientedu.contentpack.reading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Text;
import org.patientedu.contentpack.reading.recognize.PageWorkspace;
import org.patientedu.contentpack.reading.recognize.Recognizer;
import org.patientedu.contentpack.reading.recognize.Recognizers;

/** Page text or HTML → {@link ParsedPage}: read blocks, run the recogniser chain, report. */
public final class PageParser {

  private final List<Recognizer> recognizers;

  public PageParser() {
    this(Recognizers.standard());
  }

  public PageParser(List<Recognizer> recognizers) {
    this.recognizers = List.copyOf(recognizers);
  }

  /**
   * @param fileName used only to tell text from HTML (extension); may be null
   */
  public ParsedPage parse(String content, String fileName) {
    PageFormat format = PageFormat.detect(fileName, content);
    ReadResult read =
        format == PageFormat.HTML
            ? new HtmlReader().read(content)
            : new PlainTextReader().read(content);
    PageWorkspace page = new PageWorkspace(read.blocks(), format, read.documentTitle());
    read.notes().forEach(page::note);
    for (Recognizer recognizer : recognizers) {
      recognizer.apply(page);
    }
    List<Block> article = page.articleBlocks().stream().map(PageParser::withoutLinkSyntax).toList();
    return new ParsedPage(page.title(), article, page.credits(), report(page, read), format);
  }

  private static Block withoutLinkSyntax(Block block) {
    return block.isList()
        ? block.withItems(block.items().stream().map(Text::stripMarkdownLinks).toList())
        : block.withText(Text.stripMarkdownLinks(block.text()));
  }

  private static ImportReport report(PageWorkspace page, ReadResult read) {
    Map<CreditField, String> found = new LinkedHashMap<>();
    if (page.title() != null) {
      found.put(CreditField.TITLE, page.title());
    }
    found.putAll(page.credits().foundFields());
    Set<CreditField> missing = EnumSet.allOf(CreditField.class);
    missing.removeAll(found.keySet());
    List<ImportReport.Line> dropped = new ArrayList<>(read.dropped());
    dropped.addAll(page.dropped());
    return new ImportReport(
        found,
        List.copyOf(missing),
        page.matchedRecognizers(),
        page.creditLines(),
        dropped,
        page.notes());
  }
}
