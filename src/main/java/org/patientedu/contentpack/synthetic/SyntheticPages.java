package org.patientedu.contentpack.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.building.PackEntryBuilder;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

/**
 * Page {@code n} of a synthetic pack: a {@link ParsedPage} and its {@link ImportSettings}, made up
 * from the seed, the page number and the reference date only. Page 17 is the same in a pack of 50
 * and in a pack of 10,000; another seed gives other pages.
 *
 * <p>The spread follows what a regional library holds (the seeds and what publishers report): labor
 * and lactation lead, pain management next; most pages medically reviewed, a fifth overdue, a fifth
 * never reviewed; reading grades from easy to hard. Review dates are placed for the default review
 * policy (24-month cycle, "due soon" 60 days before), counted back from the reference date.
 */
public final class SyntheticPages {

  /** Every synthetic page's publisher: never a real one. */
  public static final String PUBLISHER = "Synthetic test content";

  /** How every synthetic title starts. */
  public static final String TITLE_PREFIX = "Synthetic test page ";

  static final String ID_PREFIX = "synthetic-";

  /** Five digits in the ids, so the pack's folders sort in page order. */
  public static final int MAX_COUNT = 99_999;

  static final String DISCLAIMER =
      "Synthetic test content made by the synthetic-pack command for load tests: not patient"
          + " education and not medical advice. The people named are fictional.";

  static final String FIRST_PARAGRAPH =
      "This page is synthetic test content. It is made up for testing and is not medical advice.";

  /** How the source says its review date, as real pages do. */
  static final String MEDICAL_REVIEW_LABEL = "Current as of";

  static final String PUBLISHER_REVIEW_LABEL = "Last reviewed on";

  private static final int REVIEW_CYCLE_MONTHS = 24;

  /** The review state a page is made for, against the default review policy. */
  enum ReviewMix {
    CURRENT(45),
    DUE_SOON(8),
    OVERDUE(20),
    PUBLISHER_REVIEWED(7),
    NEVER_REVIEWED(20);

    private final int weight;

    ReviewMix(int weight) {
      this.weight = weight;
    }
  }

  private static final Map<ClinicalContext, Integer> PRIMARY_WEIGHTS = primaryWeights();

  private static final Map<ClinicalContext, List<String>> TOPICS = topics();

  /** Fictional reviewers: number k always has the same credentials and specialty. */
  private static final int REVIEWERS = 60;

  private static final String[][] REVIEWER_KINDS = {
    {"MD", "Obstetrics and Gynecology"},
    {"MD", "Family Medicine"},
    {"MD", "Pediatrics"},
    {"MD", "Anesthesiology"},
    {"RN", "Labor and Delivery Nursing"},
    {"IBCLC", "Lactation Consulting"},
    {"CNM", "Nurse-Midwifery"},
    {"PharmD", "Pharmacy"}
  };

  private static final int AUTHORS = 40;
  private static final String[] AUTHOR_CREDENTIALS = {"RN", "IBCLC", "MD", "MPH", null};

  private static final String[] SHORT_WORDS = {
    "milk", "baby", "feed", "rest", "hold", "warm", "pain", "help", "nurse", "call", "sleep",
    "drink", "water", "hand", "skin", "time", "day", "night", "breast", "care", "walk", "breathe",
    "ask", "try", "stay", "calm", "soft", "slow", "ice", "heat", "food", "sit", "move", "body",
    "mother", "comfort", "gentle", "feeding", "often", "easy", "careful", "labor", "partner",
    "doctor", "signs", "belly", "room", "chair", "pillow", "latch"
  };

  private static final String[] LONG_WORDS = {
    "medication", "contractions", "recovery", "comfortable", "physician", "information",
    "uterine", "anesthesia", "hospital", "breastfeeding", "temperature", "appropriate",
    "complications", "regularly", "consultation", "engorgement", "epidural", "oxytocin",
    "circulation", "dehydration", "inflammation", "postpartum", "relaxation", "irritation",
    "nutritional", "monitoring", "positioning", "acetaminophen", "ibuprofen", "lactation"
  };

  private final long seed;
  private final LocalDate asOf;

  /**
   * @param asOf the date review states are placed against (a page made "current" is current on it)
   */
  public SyntheticPages(long seed, LocalDate asOf) {
    this.seed = seed;
    this.asOf = asOf;
  }

  /** A made-up page and the editor's choices for it. */
  public record SyntheticPage(ParsedPage page, ImportSettings settings) {

    /** Its resources, built as every imported page's are. */
    public PackEntry entry() {
      return PackEntryBuilder.build(page, settings);
    }
  }

  public static String id(int n) {
    return ID_PREFIX + String.format(Locale.ROOT, "%05d", n);
  }

  /** Page {@code n} (1-based). */
  public SyntheticPage page(int n) {
    if (n < 1 || n > MAX_COUNT) {
      throw new IllegalArgumentException("Page number must be 1 to " + MAX_COUNT + ": " + n);
    }
    // one stream per page: a page does not depend on how many came before it
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
    List<ContextTag> contexts = contexts(random);
    ContextTag primary = contexts.get(0);
    String topic = topic(primary, random);
    String title = TITLE_PREFIX + n + ": " + topic;
    Credits credits = credits(random);
    List<Block> article = article(topic, random);
    ParsedPage page =
        new ParsedPage(title, article, credits, report(title, credits), PageFormat.TEXT);
    ImportSettings settings =
        new ImportSettings(
            id(n),
            contexts,
            ImportSettings.DEFAULT_LANGUAGE,
            ImportSettings.DEFAULT_VERSION,
            topic,
            PageFormat.TEXT.sourceFileName(),
            Map.of(),
            true);
    return new SyntheticPage(page, settings);
  }

  // --- contexts --------------------------------------------------------------------------

  private static List<ContextTag> contexts(SplittableRandom random) {
    ClinicalContext primary = weighted(PRIMARY_WEIGHTS, random);
    List<ContextTag> tags = new ArrayList<>();
    tags.add(tag(primary, ContextTag.Relevance.PRIMARY, random));
    int roll = random.nextInt(100);
    int secondaries = roll < 10 ? 2 : roll < 45 ? 1 : 0;
    List<ClinicalContext> others = new ArrayList<>(List.of(ClinicalContext.values()));
    others.remove(primary);
    for (int i = 0; i < secondaries; i++) {
      ClinicalContext other = others.remove(random.nextInt(others.size()));
      tags.add(tag(other, ContextTag.Relevance.SECONDARY, random));
    }
    return tags;
  }

  /**
   * The context's general codes (some of them on a secondary context); one page in twenty-five of a
   * primary context with a specific condition is about that condition and carries its code.
   */
  private static ContextTag tag(
      ClinicalContext context, ContextTag.Relevance relevance, SplittableRandom random) {
    List<ClinicalContext.Code> codes = new ArrayList<>(context.generalCodes());
    if (relevance == ContextTag.Relevance.SECONDARY && codes.size() > 1) {
      codes.remove(random.nextInt(codes.size()));
    }
    List<ClinicalContext.Code> specific =
        context.codes().stream().filter(code -> !code.general()).toList();
    if (relevance == ContextTag.Relevance.PRIMARY
        && !specific.isEmpty()
        && random.nextInt(25) == 0) {
      codes.add(specific.get(random.nextInt(specific.size())));
    }
    String reason =
        relevance == ContextTag.Relevance.PRIMARY
            ? "Synthetic test page: made up to be about " + context.label().toLowerCase(Locale.ROOT)
            : "Synthetic test page: made up to touch on "
                + context.label().toLowerCase(Locale.ROOT);
    return new ContextTag(context, relevance, codes, reason + ".");
  }

  /** A page carrying a specific condition's code is about that condition. */
  private static String topic(ContextTag primary, SplittableRandom random) {
    return primary.codes().stream()
        .filter(code -> !code.general())
        .map(ClinicalContext.Code::display)
        .findFirst()
        .orElseGet(
            () -> {
              List<String> topics = TOPICS.get(primary.context());
              return topics.get(random.nextInt(topics.size()));
            });
  }

  // --- credits and review ----------------------------------------------------------------

  private Credits credits(SplittableRandom random) {
    Credits credits = new Credits();
    credits.setPublisher(PUBLISHER);
    credits.setDisclaimer(DISCLAIMER);
    if (random.nextInt(100) < 3) {
      credits.addAuthor(new Person("Synthetic AI Writer", null, null, true));
    } else {
      int author = 1 + random.nextInt(AUTHORS);
      credits.addAuthor(
          new Person(
              "Synthetic Author " + author,
              AUTHOR_CREDENTIALS[author % AUTHOR_CREDENTIALS.length],
              null,
              false));
    }
    ReviewMix mix = weighted(reviewWeights(), random);
    LocalDate reviewed =
        switch (mix) {
          case CURRENT -> asOf.minusDays(random.nextInt(600));
          // due within the 60 days before the cycle ends
          case DUE_SOON -> asOf.minusMonths(REVIEW_CYCLE_MONTHS).plusDays(5 + random.nextInt(50));
          case OVERDUE -> asOf.minusMonths(REVIEW_CYCLE_MONTHS).minusDays(5 + random.nextInt(1500));
          case PUBLISHER_REVIEWED -> asOf.minusDays(random.nextInt(5 * 365));
          case NEVER_REVIEWED -> null;
        };
    if (reviewed != null && mix != ReviewMix.PUBLISHER_REVIEWED) {
      int reviewers = 1 + random.nextInt(4);
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < reviewers) {
        int k = 1 + random.nextInt(REVIEWERS);
        if (!chosen.contains(k)) {
          chosen.add(k);
        }
      }
      chosen.forEach(k -> credits.addReviewer(reviewer(k)));
      credits.setLastReviewed(date(reviewed, true), MEDICAL_REVIEW_LABEL);
    } else if (reviewed != null) {
      credits.setLastReviewed(date(reviewed, true), PUBLISHER_REVIEW_LABEL);
    }
    if (random.nextInt(100) < 70) {
      // published before its review (or within the last ten years), sometimes to the month only
      LocalDate latest = reviewed == null ? asOf : reviewed;
      credits.setPublished(date(latest.minusDays(random.nextInt(10 * 365)), random.nextInt(5) > 0));
    }
    return credits;
  }

  /** "Synthetic Reviewer 17, MD (Obstetrics and Gynecology)": fictional, and says so. */
  static Person reviewer(int k) {
    String[] kind = REVIEWER_KINDS[k % REVIEWER_KINDS.length];
    return new Person("Synthetic Reviewer " + k, kind[0], kind[1], false);
  }

  private static SourceDate date(LocalDate date, boolean withDay) {
    return new SourceDate(
        date.getYear(), date.getMonthValue(), withDay ? date.getDayOfMonth() : null);
  }

  private static ImportReport report(String title, Credits credits) {
    Map<CreditField, String> found = new LinkedHashMap<>();
    found.put(CreditField.TITLE, title);
    found.putAll(credits.foundFields());
    List<CreditField> missing =
        List.of(CreditField.values()).stream().filter(f -> !found.containsKey(f)).toList();
    return new ImportReport(
        found,
        missing,
        List.of(),
        List.of(),
        List.of(),
        List.of("Synthetic test content made by the synthetic-pack command; no source page."));
  }

  // --- article ---------------------------------------------------------------------------

  /**
   * Made-up sentences. Each page gets its own sentence length and share of long words, so the
   * Flesch-Kincaid grade spreads from easy (about grade 3) to hard (about grade 16).
   */
  private static List<Block> article(String topic, SplittableRandom random) {
    int wordsPerSentence = 6 + random.nextInt(17);
    int longWordPercent = 3 + random.nextInt(30);
    List<Block> blocks = new ArrayList<>();
    blocks.add(Block.paragraph(FIRST_PARAGRAPH));
    blocks.add(Block.heading(2, "About " + topic.toLowerCase(Locale.ROOT)));
    int paragraphs = 2 + random.nextInt(6);
    for (int p = 0; p < paragraphs; p++) {
      if (p == paragraphs / 2) {
        blocks.add(Block.heading(2, "What you can do"));
        List<String> items = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
          items.add(sentence(4 + random.nextInt(6), longWordPercent, random));
        }
        blocks.add(Block.list(random.nextBoolean(), items));
      }
      StringBuilder paragraph = new StringBuilder();
      int sentences = 2 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          paragraph.append(' ');
        }
        int length = Math.max(3, wordsPerSentence - 3 + random.nextInt(7));
        paragraph.append(sentence(length, longWordPercent, random));
      }
      blocks.add(Block.paragraph(paragraph.toString()));
    }
    return blocks;
  }

  private static String sentence(int words, int longWordPercent, SplittableRandom random) {
    StringBuilder sentence = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word =
          random.nextInt(100) < longWordPercent
              ? LONG_WORDS[random.nextInt(LONG_WORDS.length)]
              : SHORT_WORDS[random.nextInt(SHORT_WORDS.length)];
      if (w == 0) {
        sentence.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      } else {
        sentence.append(' ').append(word);
      }
    }
    return sentence.append('.').toString();
  }

  // --- the spread ------------------------------------------------------------------------

  private static <K> K weighted(Map<K, Integer> weights, SplittableRandom random) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int roll = random.nextInt(total);
    for (Map.Entry<K, Integer> entry : weights.entrySet()) {
      roll -= entry.getValue();
      if (roll < 0) {
        return entry.getKey();
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private static Map<ReviewMix, Integer> reviewWeights() {
    Map<ReviewMix, Integer> weights = new EnumMap<>(ReviewMix.class);
    for (ReviewMix mix : ReviewMix.values()) {
      weights.put(mix, mix.weight);
    }
    return weights;
  }

  private static Map<ClinicalContext, Integer> primaryWeights() {
    Map<ClinicalContext, Integer> weights = new EnumMap<>(ClinicalContext.class);
    weights.put(ClinicalContext.LABOR_DELIVERY, 34);
    weights.put(ClinicalContext.LACTATION, 34);
    weights.put(ClinicalContext.PAIN_MANAGEMENT, 20);
    weights.put(ClinicalContext.EMOTIONAL_HEALTH, 8);
    weights.put(ClinicalContext.RELATIONSHIPS, 4);
    return weights;
  }

  private static Map<ClinicalContext, List<String>> topics() {
    Map<ClinicalContext, List<String>> topics = new EnumMap<>(ClinicalContext.class);
    topics.put(
        ClinicalContext.LABOR_DELIVERY,
        List.of(
            "Early labor at home",
            "When to go to the hospital",
            "Breathing through contractions",
            "Epidural pain relief",
            "Induction of labor",
            "Pushing and birth",
            "After a cesarean birth",
            "Recovery after a vaginal birth",
            "When your water breaks",
            "Monitoring the baby during labor"));
    topics.put(
        ClinicalContext.LACTATION,
        List.of(
            "Getting a good latch",
            "Milk supply in the first weeks",
            "Pumping and storing milk",
            "Sore nipples",
            "Engorgement",
            "The let-down reflex",
            "Breastfeeding after going back to work",
            "Feeding cues",
            "Signs of mastitis",
            "Weaning"));
    topics.put(
        ClinicalContext.PAIN_MANAGEMENT,
        List.of(
            "Pain after birth",
            "Using ice and heat",
            "Pain medicines after surgery",
            "Back pain in pregnancy",
            "Chronic pain and sleep",
            "Talking about pain with your nurse",
            "Safe use of opioids",
            "Relaxation for pain"));
    topics.put(
        ClinicalContext.EMOTIONAL_HEALTH,
        List.of("Baby blues", "Stress in the first months", "Sleep and mood", "Asking for help"));
    topics.put(
        ClinicalContext.RELATIONSHIPS,
        List.of("Partners after a new baby", "Family support", "Intimacy after birth"));
    return topics;
  }
}
