package org.triangulate.model;

import java.util.Objects;

/**
 * Something cleaning took out of an input: the removed characters, where they stood in the original
 * input, and why.
 *
 * @param reason why it was removed, one of {@link Reasons}
 * @param text the removed characters, exactly as they stood in the original input
 * @param offset the index of the first removed character in the original input (see {@link
 *     Article#source()}: for a text file the decoded file, for an HTML page its decoded markup, for a
 *     JSONL record the value of its text field)
 */
public record Removal(String reason, String text, int offset) {

  public Removal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(text, "text");
    if (offset < 0) {
      throw new IllegalArgumentException("removal offset must be >= 0: " + offset);
    }
  }

  /** The reasons cleaning gives. Documented in docs/report.md. */
  public static final class Reasons {
    /** Site navigation and template residue ("in , ,", "Share this article"). */
    public static final String SITE_CHROME = "site-chrome";
    /** Comment widgets and their chrome ("Leave a Reply", "Upvote Downvote"). */
    public static final String COMMENT_WIDGET = "comment-widget";
    /** A headline of another article, linked from this one. */
    public static final String RELATED_LINK = "related-link";
    /** A photo caption, usually with its credit. */
    public static final String CAPTION = "caption";
    /** A photo or media credit on its own ("Credit: AP"). */
    public static final String CREDIT = "credit";
    /** The headline, moved from the text into the {@code title} field. */
    public static final String TITLE = "title";
    /** The byline, moved from the text into the {@code byline} field. */
    public static final String BYLINE = "byline";
    /** A metadata marker such as "date 2024-12-05", moved into the metadata. */
    public static final String METADATA = "metadata";
    /** Markup that is not article text: scripts, styles, navigation, asides, forms. */
    public static final String MARKUP = "markup";
    /** A block of a web page judged not to be article text (boilerplate). */
    public static final String BOILERPLATE = "boilerplate";
    /** Characters that cannot be text: control characters, stray replacement characters. */
    public static final String CONTROL = "control";

    private Reasons() {}
  }
}
