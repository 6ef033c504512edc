package org.patientedu.contentpack.reading.recognize;

import java.util.List;

/**
 * The recogniser chain, in order: specific credit blocks first (so they are never mistaken for
 * chrome), then chrome, then the title, then text-only structure (headings, captions).
 */
public final class Recognizers {

  private Recognizers() {}

  public static List<Recognizer> standard() {
    return List.of(
        // credits
        new CrisisBannerRecognizer(),
        new LabelledDateRecognizer(),
        new AuthorLabelRecognizer(),
        new MedicalReviewRecognizer(),
        new DisclaimerRecognizer(),
        new SourceUrlRecognizer(),
        new ApaCitationLineRecognizer(),
        new GoAskAliceSignatureRecognizer(),
        new BylineRecognizer(),
        new CopyrightRecognizer(), // after the lines that name a publisher more specifically
        new AdaptationNoteRecognizer(),
        new AuthorBioBoxRecognizer(),
        new NumberedReferenceListRecognizer(),
        new AuthorYearReferenceRecognizer(),
        new InlineWorkReferenceRecognizer(), // after the lists: its references come last
        // chrome
        new CommentRecognizer(),
        new FooterRecognizer(),
        new ChromeLineRecognizer(),
        new LinkListRecognizer(),
        new CreditsHeadingRecognizer(),
        new LogoLineRecognizer(),
        new SitePromotionRecognizer(),
        // structure
        new TitleRecognizer(),
        new PlainTextHeadingRecognizer(),
        new ImageCaptionRecognizer(),
        new TextAfterReferencesNote());
  }
}
