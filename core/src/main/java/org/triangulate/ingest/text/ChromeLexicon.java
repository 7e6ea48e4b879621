package org.triangulate.ingest.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triangulate.model.Removal;

/**
 * The English phrases that make a whole line page chrome rather than article text: comment widgets,
 * share rows, newsletter and cookie prompts, navigation residue. A line is compared as a lower-case
 * key with leading bullets and trailing punctuation trimmed ({@code "Loading…"} is {@code
 * "loading"}). Lines of up to 15 words are looked up whole; longer ones only by their beginning
 * (comment-form boilerplate, cookie notices, "© ..."); a line of more than 40 words is never chrome
 * here, except a cookie notice.
 *
 * <p>A <em>strong</em> comment line ("Leave a Reply", "What do you think?", "12 Comments") after
 * the article body opens the trailing comment block (see {@link TextCleaner}).
 *
 * <p>To extend the lexicon, add the phrase in lower case, without trailing punctuation, to the list
 * that gives the reason it should have; a test pins each list with one example.
 */
final class ChromeLexicon {

  /** What the lexicon says of a line. */
  record Verdict(String reason, boolean strong) {}

  static final Verdict STRONG_COMMENT = new Verdict(Removal.Reasons.COMMENT_WIDGET, true);
  static final Verdict COMMENT = new Verdict(Removal.Reasons.COMMENT_WIDGET, false);
  static final Verdict SITE = new Verdict(Removal.Reasons.SITE_CHROME, false);
  static final Verdict RELATED = new Verdict(Removal.Reasons.RELATED_LINK, false);

  /** A lone number ("0", "1.2K"): chrome only next to other chrome or in the comment block. */
  static final Verdict NUMBER = new Verdict(Removal.Reasons.COMMENT_WIDGET, false);

  /** Whole lines that open or belong to a comment section. */
  private static final Set<String> STRONG_COMMENT_LINES =
      Set.of(
          "what do you think",
          "what are your thoughts",
          "share your thoughts",
          "have your say",
          "leave a reply",
          "leave a comment",
          "leave your comment",
          "post a comment",
          "add a comment",
          "add comment",
          "write a comment",
          "comments",
          "comment",
          "join the conversation",
          "join the discussion",
          "show comments",
          "view comments",
          "load comments",
          "see comments",
          "read comments",
          "hide comments",
          "no comments yet",
          "no comments",
          "be the first to comment",
          "log in to comment",
          "login to comment",
          "sign in to comment",
          "cancel reply",
          "post comment",
          "submit comment",
          "comment policy",
          "comments are closed",
          "upvote downvote",
          "comment on this story",
          "comment on this article");

  /** Beginnings of comment-form boilerplate ("Your email address will not be published. ..."). */
  private static final Prefixes STRONG_COMMENT_PREFIXES =
      new Prefixes(
          "your email address will not be published",
          "giphy app key not set",
          "you must be logged in to",
          "you must log in to",
          "required fields are marked",
          "this site uses akismet",
          "notify me of follow-up comments",
          "notify me of new posts",
          "save my name, email",
          "comments are closed");

  /** Comment widget lines that do not by themselves open the comment block. */
  private static final Set<String> COMMENT_LINES =
      Set.of(
          "loading",
          "load more",
          "load more comments",
          "show more comments",
          "view more comments",
          "sort by",
          "newest",
          "oldest",
          "most voted",
          "report comment",
          "anonymous",
          "reactions",
          "inline feedbacks",
          "view all comments");

  /** Whole lines of site navigation, sharing, subscription, advertising and legal chrome. */
  private static final Set<String> SITE_LINES =
      Set.of(
          "advertisement",
          "advertising",
          "ad",
          "ads",
          "ad feedback",
          "sponsored",
          "sponsored content",
          "paid content",
          "promoted",
          "share",
          "share this",
          "share this article",
          "share this story",
          "share this post",
          "share this page",
          "share article",
          "share story",
          "copy link",
          "copy url",
          "link copied",
          "sign up for our newsletter",
          "sign up to our newsletter",
          "subscribe",
          "subscribe now",
          "subscribe today",
          "subscribe to our newsletter",
          "newsletter",
          "get our newsletter",
          "skip to content",
          "skip to main content",
          "skip to navigation",
          "menu",
          "main menu",
          "navigation",
          "toggle navigation",
          "search",
          "home",
          "close",
          "back to top",
          "go to top",
          "related",
          "related articles",
          "related stories",
          "related posts",
          "related news",
          "related content",
          "related topics",
          "more stories",
          "more news",
          "more from",
          "you may also like",
          "you might also like",
          "recommended",
          "recommended for you",
          "recommended stories",
          "most read",
          "most popular",
          "most viewed",
          "trending",
          "trending now",
          "latest news",
          "latest stories",
          "read more",
          "read next",
          "read also",
          "continue reading",
          "keep reading",
          "read full article",
          "read the full article",
          "read the full story",
          "full story",
          "listen to this article",
          "listen",
          "watch",
          "watch live",
          "watch now",
          "play video",
          "click here",
          "click to expand",
          "follow us",
          "previous article",
          "next article",
          "previous post",
          "next post",
          "tags",
          "topics",
          "categories",
          "filed under",
          "accept",
          "accept all",
          "accept cookies",
          "reject all",
          "manage cookies",
          "cookie settings",
          "cookie policy",
          "privacy policy",
          "terms of use",
          "terms of service",
          "terms and conditions",
          "contact us",
          "about us",
          "all rights reserved",
          "download our app",
          "download the app",
          "get the app",
          "open in app",
          "sign in",
          "sign up",
          "log in",
          "login",
          "log out",
          "register",
          "my account",
          "show more",
          "view more",
          "see more",
          "see all",
          "view all",
          "view gallery",
          "open image in gallery",
          "enlarge this image",
          "toggle caption",
          "hide caption",
          "story continues below advertisement",
          "story continues below",
          "article continues below",
          "continue reading below",
          "scroll to continue with content",
          "report an error",
          "send us a tip",
          "support us",
          "donate",
          "become a member",
          "explore more on these topics",
          "more on this story",
          "reuse this content",
          "print subscriptions",
          "search jobs");

  /** Beginnings of site chrome lines ("Follow us on Telegram", "© 2024 Example Media"). */
  private static final Prefixes SITE_PREFIXES =
      new Prefixes(
          "share this ",
          "share on ",
          "share via ",
          "sign up for ",
          "sign up to ",
          "subscribe to ",
          "subscribe for ",
          "follow us on",
          "follow us:",
          "click here",
          "copyright ",
          "© ",
          "(c) ",
          "all rights reserved",
          "filed under",
          "posted in ",
          "tags:",
          "topics:",
          "categories:",
          "category:",
          "story continues below",
          "article continues below",
          "advertisement -",
          "download our app",
          "get breaking news",
          "get the latest news");

  /** Phrases that make a short line chrome wherever they stand in it. */
  private static final String[] SITE_CONTAINS = {"all rights reserved", "accept cookies"};

  /** Cookie notices can be long: their beginnings are checked on lines of any length. */
  private static final Prefixes COOKIE_PREFIXES =
      new Prefixes(
          "we use cookies",
          "this site uses cookies",
          "this website uses cookies",
          "our website uses cookies",
          "by continuing to browse",
          "by continuing to use",
          "by using this site",
          "by using our site");

  /** Labels of a link to another article: "Read more: Iran preparing to send troops". */
  private static final Prefixes RELATED_LABELS =
      new Prefixes(
          "read more:",
          "read more on",
          "related:",
          "also read:",
          "read also:",
          "see also:",
          "more:",
          "watch:",
          "read:",
          "recommended:");

  /** Buttons that belong to comments rather than to sharing. */
  private static final Set<String> COMMENT_BUTTONS =
      Set.of(
          "like",
          "likes",
          "reply",
          "replies",
          "report",
          "flag",
          "upvote",
          "upvotes",
          "downvote",
          "downvotes",
          "vote",
          "votes",
          "comment",
          "comments",
          "points",
          "point");

  /**
   * Buttons and share targets. A line made only of these (and counts and separators) is a button
   * row: "Upvote Downvote", "Like · Reply · Share", "Facebook Twitter WhatsApp Email".
   */
  private static final Set<String> BUTTONS =
      union(
          COMMENT_BUTTONS,
          "Upvote Downvote",
          "Like · Reply · Share",
          "Facebook Twitter WhatsApp Email",
          "share",
          "shares",
          "tweet",
          "retweet",
          "email",
          "e-mail",
          "mail",
          "print",
          "facebook",
          "twitter",
          "x",
          "whatsapp",
          "linkedin",
          "reddit",
          "telegram",
          "pinterest",
          "messenger",
          "flipboard",
          "tumblr",
          "threads",
          "bluesky",
          "mastodon",
          "sms",
          "copy",
          "link",
          "save",
          "bookmark",
          "follow",
          "views",
          "gift");

  /** Counters: "500 Points", "12 Comments", "Comments (3)", "1.2K shares". */
  private static final Pattern COUNTER =
      Pattern.compile(
          "\\d[\\d,.]{0,12}[km]?\\+? ?(points?|comments?|shares?|views?|likes?|votes?|replies|reply"
              + "|reactions?|responses?|reads?)|(comments?|replies|responses|shares|likes|views"
              + "|points) ?[(\\[]?\\d[\\d,.]{0,12}[km]?[)\\]]?");

  /** WordPress comment headings: "10 thoughts on “Hama falls”", "One response to “...”". */
  private static final Pattern COMMENT_HEADING =
      Pattern.compile(
          "(?:\\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten) (?:thoughts?|responses?"
              + "|comments?|replies|reply) (?:on|to) .{1,300}");

  private static final Prefixes NUMBER_WORDS =
      new Prefixes(
          "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ");

  private static final Pattern LONE_NUMBER = Pattern.compile("[+-]?\\d[\\d,.]{0,12}[kKmM]?");

  /** Words that template residue such as "in , ," or "Posted in | by" is made of. */
  private static final Set<String> RESIDUE_WORDS =
      Set.of(
          "in",
          "on",
          "by",
          "at",
          "and",
          "of",
          "the",
          "from",
          "for",
          "posted",
          "filed",
          "under",
          "tags",
          "tag",
          "category",
          "categories",
          "topics",
          "section",
          "published",
          "updated",
          "share",
          "home",
          "written");

  /** Lines of at most this many words are looked up whole; longer ones by their beginning. */
  static final int SHORT_WORDS = 15;

  private ChromeLexicon() {}

  /** The verdict on a line, or null when the lexicon does not know it as chrome. */
  static Verdict match(Line line) {
    String norm = line.norm;
    if (line.words > SHORT_WORDS) {
      return matchLong(line);
    }
    char first = norm.charAt(0);
    if (line.words == 1
        && (Character.isDigit(first) || first == '+' || first == '-')
        && LONE_NUMBER.matcher(norm).matches()) {
      return NUMBER;
    }
    String lower = norm.toLowerCase(Locale.ROOT);
    if (COMMENT_HEADING.matcher(lower).matches()) {
      return STRONG_COMMENT;
    }
    if (line.words <= 3 && hasDigit(lower)) {
      Matcher counter = COUNTER.matcher(lower);
      if (counter.matches()) {
        String word = counter.group(1) != null ? counter.group(1) : counter.group(2);
        return word.startsWith("comment") || word.startsWith("repl") || word.startsWith("respon")
            ? STRONG_COMMENT
            : COMMENT;
      }
    }
    if (!hasLetterOrDigit(norm)) {
      return SITE; // punctuation and symbols only: rules, bullets, separators
    }
    String key = key(lower);
    if (STRONG_COMMENT_LINES.contains(key) || STRONG_COMMENT_PREFIXES.matches(key)) {
      return STRONG_COMMENT;
    }
    if (COMMENT_LINES.contains(key)) {
      return COMMENT;
    }
    String label = RELATED_LABELS.find(key);
    if (label != null) {
      return key.length() > label.length() + 1 ? RELATED : SITE;
    }
    if (SITE_LINES.contains(key)
        || SITE_PREFIXES.matches(key)
        || containsAny(key, SITE_CONTAINS)
        || isCookieNotice(norm)
        || isBreadcrumb(key)
        || isResidue(lower)) {
      return SITE;
    }
    return buttonRow(lower, line.words);
  }

  /**
   * Lines of more than {@link #SHORT_WORDS} words are only compared by their beginning, and lines
   * of more than 40 words only with cookie notices.
   */
  private static Verdict matchLong(Line line) {
    String norm = line.norm;
    if (line.words > 40 || norm.length() > 300) {
      return isCookieNotice(norm) ? SITE : null;
    }
    if (STRONG_COMMENT_PREFIXES.matches(norm)
        || ((Character.isDigit(norm.charAt(0)) || NUMBER_WORDS.matches(norm))
            && COMMENT_HEADING.matcher(norm.toLowerCase(Locale.ROOT)).matches())) {
      return STRONG_COMMENT;
    }
    if (isCookieNotice(norm) || (line.words <= 30 && SITE_PREFIXES.matches(norm))) {
      return SITE;
    }
    return RELATED_LABELS.matches(norm) ? RELATED : null;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, leading bullets and trailing punctuation trimmed. */
  static String key(String lower) {
    int b = 0;
    int e = lower.length();
    while (b < e && "•·|»›>*-–—# ".indexOf(lower.charAt(b)) >= 0) {
      b++;
    }
    while (e > b && ".:!?…*|»›>-–— ".indexOf(lower.charAt(e - 1)) >= 0) {
      e--;
    }
    return lower.substring(b, e);
  }

  private static boolean isCookieNotice(String norm) {
    return COOKIE_PREFIXES.matches(norm);
  }

  /** "Home / World / Middle East", "Home › News". */
  private static boolean isBreadcrumb(String key) {
    if (!key.startsWith("home") || key.length() < 6) {
      return false;
    }
    int i = 4;
    while (i < key.length() && key.charAt(i) == ' ') {
      i++;
    }
    return i < key.length() && "/›>»|".indexOf(key.charAt(i)) >= 0;
  }

  /**
   * Template residue: a short line with separators (", |") whose words are all template words, as a
   * "Posted in {category}, {tags}" line with its slots empty renders as "in , ,".
   */
  private static boolean isResidue(String lower) {
    if (lower.length() > 60) {
      return false;
    }
    boolean separator = false;
    int i = 0;
    int n = lower.length();
    while (i < n) {
      char c = lower.charAt(i);
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(lower.charAt(j))) {
          j++;
        }
        if (!RESIDUE_WORDS.contains(lower.substring(i, j))) {
          return false;
        }
        i = j;
      } else if (Character.isDigit(c)) {
        return false;
      } else {
        if (",|/·•;:".indexOf(c) >= 0) {
          separator = true;
        }
        i++;
      }
    }
    return separator;
  }

  private static Verdict buttonRow(String lower, int words) {
    if (words > 12) {
      return null;
    }
    boolean button = false;
    boolean comment = false;
    boolean vote = false;
    int i = 0;
    int n = lower.length();
    while (i < n) {
      int j = lower.indexOf(' ', i);
      if (j < 0) {
        j = n;
      }
      String token = trimPunctuation(lower.substring(i, j));
      i = j + 1;
      if (token.isEmpty() || LONE_NUMBER.matcher(token).matches()) {
        continue;
      }
      if (!BUTTONS.contains(token)) {
        return null;
      }
      button = true;
      comment |= COMMENT_BUTTONS.contains(token);
      vote |= token.startsWith("upvote") || token.startsWith("downvote");
    }
    if (!button) {
      return null;
    }
    return vote ? STRONG_COMMENT : comment ? COMMENT : SITE;
  }

  private static String trimPunctuation(String token) {
    int b = 0;
    int e = token.length();
    while (b < e && !Character.isLetterOrDigit(token.charAt(b))) {
      b++;
    }
    while (e > b && !Character.isLetterOrDigit(token.charAt(e - 1))) {
      e--;
    }
    return token.substring(b, e);
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String key, String[] parts) {
    for (String p : parts) {
      if (key.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> union(Set<String> base, String... more) {
    Set<String> all = new java.util.HashSet<>(base);
    all.addAll(java.util.List.of(more));
    return Set.copyOf(all);
  }
}
