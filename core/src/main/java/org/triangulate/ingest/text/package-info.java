/**
 * The plain-text cleaner: turns the lines of a copy-pasted news page into article text plus the
 * metadata the text carries, and accounts for every character it takes out or changes. Entry point:
 * {@link org.triangulate.ingest.text.TextCleaner#clean}.
 *
 * <h2>Input and output</h2>
 *
 * <p>Input: the lines of one input ({@link org.triangulate.ingest.SourceLine}: text, offset in the
 * original input, and whether the text stands there character for character), and the metadata the
 * container already knows. Output: a {@link org.triangulate.ingest.text.CleanedText} holding
 *
 * <ul>
 *   <li>the text: paragraphs separated by exactly {@code "\n\n"}, each on one line, stripped, one
 *       space between words, no leading or trailing blank line;
 *   <li>the removals, each with its reason ({@link org.triangulate.model.Removal.Reasons}), the
 *       exact original characters and their offset (for inexact lines, the line's offset);
 *   <li>the repairs ({@code joined-line}, {@code split-words}), each with the original characters,
 *       their offset, the replacement and its span in the text; a joined line's original is its
 *       line break, {@code "\n"} or {@code "\r\n"} (a lone {@code "\r"} is written {@code "\n"});
 *   <li>what the text itself told: title, byline, outlet, published and modified dates (ISO, via
 *       {@link org.triangulate.text.Dates}; the earliest publication date, the latest update) and
 *       the dateline place.
 * </ul>
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Accounting: every non-whitespace character of the original ends up in the text or in
 *       exactly one removal; putting each repair's original back in place of its span gives the
 *       original's characters again. Whitespace changes (NBSP to space, runs collapsed, line breaks
 *       between paragraphs) are not recorded.
 *   <li>No sentence is removed as chrome unless the lexicon, a caption or credit, or the comment
 *       block says so: the structural rules (related link, navigation, topic list) take only lines
 *       without final punctuation, and a headline ends at most in ? or !.
 *   <li>Deterministic; no state between calls; one {@code TextCleaner} serves all threads.
 *   <li>Linear in the input: patterns are anchored or bounded, only short lines are looked up in
 *       the lexicon, glued words are tried only up to 40 letters. About 25 µs for a 5 KB article.
 * </ul>
 *
 * <h2>Rules, in the order they apply</h2>
 *
 * <ol>
 *   <li>Characters ({@code Line}): control characters other than whitespace, soft hyphens,
 *       zero-width spaces, byte order marks and U+FFFD go (reason {@code control}); NBSP and the
 *       other spaces become one space.
 *   <li>Each line by itself ({@code Page}, {@code Kind}): the English chrome lexicon ({@code
 *       ChromeLexicon}: comment widgets, share rows, newsletter, cookie and legal lines, template
 *       residue such as {@code "in , ,"}, lines without a letter or digit, lone numbers); captions
 *       and credits ({@code Captions}); date lines ({@code DateLines}); bylines ({@code Bylines}),
 *       where a CMS account ("Written by WebAdmin") is a comment widget, or metadata when it
 *       carries a date ("Posted by admin on December 5, 2024").
 *   <li>Header ({@code Header}), the lines before the lead, the first full paragraph (five words or
 *       more ending in . ! ? or …, and not headline-shaped): the headline is the first line of 3 to
 *       20 words with no final period, comma or colon that is followed by a blank line, a header
 *       line, a standfirst, a lead or a lone name, and not by a short line or a lower-case
 *       continuation. With a known title, the first line equal to it (or to it less a site suffix
 *       such as {@code " | Site"}) is the headline instead. Text lines above the headline are
 *       navigation; without a headline, runs of three or more short lines are. Bylines ("By X",
 *       "Written by X", "X | Outlet", a lone 1–4-word name directly under the headline, names next
 *       to a date line) and date lines go to the metadata. A date glued to the start of a line
 *       ("date 2024-12-05 Syrian ...") is removed, the text after it kept. A standfirst stays.
 *   <li>Body ({@code Body}), from the lead on: chrome, captions, labelled date lines and "By X"
 *       lines go. The lead's dateline ("DAMASCUS, Syria (AP) —") sets the dateline place and stays.
 *   <li>Comment block: a strong comment widget ("What do you think?", "Leave a Reply", "12
 *       Comments", "10 thoughts on ...", "Upvote Downvote") after some body text opens it. In it,
 *       headline-shaped lines are related links and all other lines comment widget, until a full
 *       paragraph that is not followed by a comment widget: that paragraph and what follows are
 *       article text again, so chrome in the middle of an article costs no paragraph.
 *   <li>Lone numbers go next to chrome (counters), stay elsewhere.
 *   <li>Related links: a run of one to three headline-shaped lines (3 to 15 words, no final
 *       punctuation) between two full paragraphs is taken for links to other articles.
 *   <li>After the last full paragraph, when chrome stands there too, short lines without final
 *       punctuation are topic lists and menus (or related links when headline-shaped); the credits
 *       of wire copy ("Reporting by ...; Editing by ...") stay.
 *   <li>Paragraphs ({@code Assembly}): each kept line is a paragraph, except that a line not ending
 *       a sentence (no . ! ? : … or closing quote or bracket at its end) followed by a line
 *       starting in lower case is joined to it with one space ({@code joined-line}), across blank
 *       and removed lines.
 *   <li>Glued words ({@code GlueSplitter}): a lower-case token of letters, unknown to the word list
 *       and splitting into two known words, is split ({@code split-words}).
 * </ol>
 *
 * <h2>What it does not do</h2>
 *
 * <ul>
 *   <li>It cannot tell a subheading from a related link: a line of 3 to 15 words without final
 *       punctuation between two full paragraphs is removed as a related link. In copy-pasted news
 *       the link is far more common; an article whose subheadings stand alone between paragraphs
 *       loses them (never a sentence).
 *   <li>Comments that read like article paragraphs (a full sentence not followed by a Reply or Like
 *       button) are kept as text.
 *   <li>It does not reflow hard-wrapped text: a wrapped line is joined to the next only when the
 *       next starts in lower case.
 *   <li>The lexicon and the byline, date and caption shapes are English. Other languages lose only
 *       what the language-neutral rules catch (numbers next to chrome, symbol-only lines, control
 *       characters, the structural rules).
 *   <li>It does not read times from date lines ("Thu 5 Dec 2024 10.20 GMT" gives the day), nor
 *       numeric dates that read both day-first and month-first ({@code 05/12/2024}: removed, not
 *       read).
 *   <li>It does not look at markup: HTML pages come here as blocks already chosen by the HTML
 *       extractor.
 * </ul>
 */
package org.triangulate.ingest.text;
