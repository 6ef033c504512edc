package org.patientedu.contentpack.reading.recognize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Person;

/**
 * Splits "Sarah Marshall MD" / "Lisa Brookes Kift, MFT" into name and credentials. Credentials come
 * from a fixed list so that a surname is never mistaken for a degree.
 */
final class PersonNames {

  static final String CREDENTIAL =
      "(?:MD|DO|PhD|RN|BSN|MSN|DNP|APRN|FNP|NP|CNM|PA-C|PA|MPH|MSc|MS|MA|BSc|"
          + "LMFT|MFT|LCSW|LPC|PsyD|PharmD|RDN|RD|IBCLC|FACOG|FAAP|FAAFP|FACP|MBBS|DDS|CNS|MBA|EdD|MEd|FRCPC)";
  static final String CREDENTIALS = CREDENTIAL + "(?:,? " + CREDENTIAL + ")*";
  static final String NAME =
      "\\p{Lu}[\\p{L}'’.-]*(?: (?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|da|del|la|le))*?";

  private static final Pattern NAME_WITH_OPTIONAL_CREDENTIALS =
      Pattern.compile("^(?<name>" + NAME + ")(?:,? (?<cred>" + CREDENTIALS + "))?$");
  private static final Pattern NAME_WITH_CREDENTIALS =
      Pattern.compile("^(?<name>" + NAME + "),? (?<cred>" + CREDENTIALS + ")$");

  private PersonNames() {}

  /** A person the page names as author; an AI tool named as author is flagged as one. */
  static Person named(String name, String credentials) {
    return new Person(name, credentials, null, AiTools.isAiTool(name));
  }

  /** "Healthwise Staff", "Jane Doe, RN" → a person; anything that is not just a name → empty. */
  static Optional<Person> parse(String text) {
    Matcher m = NAME_WITH_OPTIONAL_CREDENTIALS.matcher(text.trim());
    return m.matches() ? Optional.of(named(m.group("name"), m.group("cred"))) : Optional.empty();
  }

  /** Like {@link #parse} but only when credentials are present (e.g. an author-bio box heading). */
  static Optional<Person> parseWithCredentials(String text) {
    Matcher m = NAME_WITH_CREDENTIALS.matcher(text.trim());
    return m.matches() ? Optional.of(named(m.group("name"), m.group("cred"))) : Optional.empty();
  }
}
