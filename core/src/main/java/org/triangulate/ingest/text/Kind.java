package org.triangulate.ingest.text;

/** What a line is by itself, before its place in the page counts. */
enum Kind {
  /** Whitespace (and characters that cannot be text) only. */
  BLANK,
  /** Anything the other kinds are not: article text, headline, standfirst, related link. */
  TEXT,
  /** "By Jane Doe", "Written by Jane Doe", "Jane Doe | Reuters". */
  BYLINE,
  /** A line that is only a date, perhaps labelled ("Published: 5 December 2024"). */
  DATE,
  /** A line the chrome lexicon knows, or a CMS account byline ("Written by WebAdmin"). */
  CHROME,
  /** A lone number: a counter next to chrome, text elsewhere. */
  NUMBER,
  /** A photo caption or credit. */
  CAPTION
}
