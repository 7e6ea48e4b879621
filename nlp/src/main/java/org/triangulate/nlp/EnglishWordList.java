package org.triangulate.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import morfologik.fsa.FSA;
import org.triangulate.ingest.WordList;

/**
 * The English word list: every inflected form in LanguageTool's English part-of-speech dictionary
 * ({@code org.languagetool:english-pos-dict}, LGPL-2.1, about 360,000 forms), read with morfologik.
 *
 * <p>A word is known when its form as written, or its lower-case form, is in the dictionary. The
 * dictionary is read once per JVM into a hash set (about 30 MB of heap), so that a lookup costs a
 * hash probe: cleaning asks for every long word of every article. Lookups are thread-safe.
 */
public final class EnglishWordList implements WordList {

  private static final String RESOURCE = "/org/languagetool/resource/en/english.dict";
  private static final byte SEPARATOR = '+';
  private static final int MAX_WORD = 64;

  private static volatile EnglishWordList shared;

  private final Set<String> words;

  private EnglishWordList(Set<String> words) {
    this.words = words;
  }

  /** The word list, loaded on first use and shared by the whole JVM. */
  public static EnglishWordList get() {
    EnglishWordList w = shared;
    if (w == null) {
      synchronized (EnglishWordList.class) {
        w = shared;
        if (w == null) {
          w = shared = load();
        }
      }
    }
    return w;
  }

  private static EnglishWordList load() {
    try (InputStream in = EnglishWordList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the English dictionary " + RESOURCE + " is not on the class path (org.languagetool:english-pos-dict)");
      }
      FSA fsa = FSA.read(in);
      Set<String> words = new HashSet<>(1 << 20);
      for (ByteBuffer entry : fsa) {
        // Each entry is "form+lemma+tag"; the form is what a text shows.
        int start = entry.position();
        int end = start;
        while (end < entry.limit() && entry.get(end) != SEPARATOR) {
          end++;
        }
        String form =
            new String(entry.array(), entry.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        words.add(form);
      }
      return new EnglishWordList(Set.copyOf(words));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the English dictionary " + RESOURCE, e);
    }
  }

  /** How many distinct word forms the list holds. */
  public int size() {
    return words.size();
  }

  @Override
  public boolean contains(String word) {
    if (word.isEmpty() || word.length() > MAX_WORD) {
      return false;
    }
    if (words.contains(word)) {
      return true;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return !lower.equals(word) && words.contains(lower);
  }
}
