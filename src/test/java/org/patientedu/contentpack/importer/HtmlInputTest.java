package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.building.HtmlRendition;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.building.PackEntryBuilder;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;
import org.patientedu.contentpack.reading.PageParser;

class HtmlInputTest {

  private static final String PAGE =
      """
            <!DOCTYPE html>
            <html><head><title>Let-down reflex | Example Health</title>
            <style>body { color: red }</style>
            <script>trackVisitor();</script></head>
            <body>
            <header><a href="/">Example Health</a><nav><ul><li><a href="/a">Topics</a></li><li><a href="/b">Contact</a></li></ul></nav></header>
            <main><article>
              <h1>Let-down reflex</h1>
              <p>The let-down reflex moves milk to the nipple.<br>It can feel like <b>tingling</b> &amp; warmth.</p>
              <figure><img src="https://cdn.example.org/x.png" onerror="alert(1)"><figcaption>Diagram of a breast</figcaption></figure>
              <h2>What helps</h2>
              <ul><li>Relax in a quiet place.</li><li onclick="steal()">Think of your baby.</li></ul>
              <ol><li>Warm the breast.</li><li>Massage gently.</li></ol>
              <p>Current as of: March 2, 2021</p>
              <p>Author: Example Staff<br>Medical Review:<br>Jane Roe MD - Family Medicine</p>
            </article></main>
            <section id="comments"><h3>2 comments</h3><ol class="commentlist"><li>Great post! Buy pills here.</li></ol></section>
            <form><p>Your email address will not be published.</p><textarea></textarea></form>
            <footer><p>© 2021 Example Health. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li></ul></footer>
            <script>document.write('<p>injected</p>')</script>
            </body></html>
            """;

  private final ParsedPage page = new PageParser().parse(PAGE, "page.html");

  @Test
  void mapsMarkupToTheSameBlockModel() {
    assertThat(page.format()).isEqualTo(PageFormat.HTML);
    assertThat(page.title()).isEqualTo("Let-down reflex");
    assertThat(page.article())
        .containsExactly(
            Block.paragraph("The let-down reflex moves milk to the nipple."),
            Block.paragraph("It can feel like tingling & warmth."),
            Block.heading(2, "What helps"),
            Block.list(false, List.of("Relax in a quiet place.", "Think of your baby.")),
            Block.list(true, List.of("Warm the breast.", "Massage gently.")));
  }

  @Test
  void readsCreditsWithTheSameRecognisers() {
    Credits credits = page.credits();
    assertThat(credits.lastReviewed()).isEqualTo(new SourceDate(2021, 3, 2));
    assertThat(credits.authors()).extracting(Person::name).containsExactly("Example Staff");
    assertThat(credits.reviewers())
        .containsExactly(new Person("Jane Roe", "MD", "Family Medicine", false));
    // the page footer is chrome, so its copyright line is not taken
    assertThat(credits.copyright()).isNull();
  }

  @Test
  void dropsScriptsNavigationCommentsAndImages() {
    String all = String.join(" ", page.article().stream().map(Block::plainText).toList());
    assertThat(all)
        .doesNotContain(
            "trackVisitor",
            "Topics",
            "Contact",
            "Great post",
            "Buy pills",
            "Your email address",
            "injected",
            "Diagram of a breast",
            "Privacy",
            "color: red");
    assertThat(page.report().dropped())
        .extracting(ImportReport.Line::text)
        .anyMatch(t -> t.contains("Great post"))
        .anyMatch(t -> t.contains("Topics"));
    assertThat(page.report().notes()).anyMatch(n -> n.contains("Diagram of a breast"));
  }

  @Test
  void renditionIsCleanAndEscaped() {
    ImportSettings settings =
        new ImportSettings(
            "letdown-example",
            List.of(ContextTag.untriaged(ClinicalContext.LACTATION)),
            "en-US",
            "1.0.0",
            null,
            "source.html");
    PackEntry entry = PackEntryBuilder.build(page, settings);
    String html = new String(entry.htmlBinary().getData(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<article lang=\"en-US\">")
        .contains("<h1>Let-down reflex</h1>")
        .contains("<p>It can feel like tingling &amp; warmth.</p>")
        .contains("<li>Think of your baby.</li>")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("onclick")
        .doesNotContainIgnoringCase("onerror")
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("style")
        .doesNotContain("https://cdn");
    assertThat(HtmlRendition.render(page, "en-US")).isEqualTo(html);
  }

  @Test
  void htmlIsDetectedByContentToo() {
    assertThat(PageFormat.detect("page.txt", PAGE)).isEqualTo(PageFormat.HTML);
    assertThat(PageFormat.detect(null, "Plain title\n\nA paragraph.")).isEqualTo(PageFormat.TEXT);
  }
}
