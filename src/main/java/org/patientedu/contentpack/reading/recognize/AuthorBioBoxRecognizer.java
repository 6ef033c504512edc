package org.patientedu.contentpack.reading.recognize;

import java.util.Optional;
import org.patientedu.contentpack.page.Person;

/**
 * An author-bio box: a line "Lisa Brookes Kift, MFT" (maybe repeated) followed by a paragraph that
 * starts with that name. The name is the page author; the box itself is chrome.
 */
final class AuthorBioBoxRecognizer implements Recognizer {

  private static final int LOOKAHEAD = 3;

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Optional<Person> person = PersonNames.parseWithCredentials(page.text(i));
      if (person.isEmpty()) {
        continue;
      }
      int bio = findBio(page, i, person.get().name());
      if (bio < 0) {
        continue;
      }
      page.credits().addAuthor(person.get());
      page.markCredit(i, "author (bio box)");
      for (int k = page.nextArticle(i); k >= 0 && k <= bio; k = page.nextArticle(k)) {
        page.markChrome(k, "author bio box");
      }
      page.matched(name());
      return;
    }
  }

  private static int findBio(PageWorkspace page, int nameLine, String name) {
    int k = page.nextArticle(nameLine);
    for (int step = 0; k >= 0 && step < LOOKAHEAD; step++, k = page.nextArticle(k)) {
      String text = page.text(k);
      if (text.equals(page.text(nameLine))) {
        continue; // the name repeated (photo caption and heading)
      }
      return text.startsWith(name) ? k : -1;
    }
    return -1;
  }
}
