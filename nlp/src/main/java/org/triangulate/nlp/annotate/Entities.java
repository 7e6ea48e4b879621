package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.triangulate.nlp.annotate.Reading.Local;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * Finds the people, organisations and places an article names, and groups the mentions that
 * refer to the same one within the article.
 *
 * <p>CoreNLP's statistical NER is the base. On top of it: the shipped {@link EntityList} (names,
 * aliases and acronyms; it also types what CoreNLP mistypes, such as Hama as a person or Hayat
 * Tahrir al-Sham as a person), context ("the city of X", "the neighbourhood of X", "X city"),
 * acronyms defined in brackets, names glued to a participle ("HTS-led"), a possessive country for
 * the country's adjective ("Syria's defense ministry"), and a vote over every mention of the same
 * name. Appositive and premodifying descriptions ("Gregory Waters, a Syrian military analyst";
 * "Kremlin spokesman Dmitry Peskov") become description mentions of the entity they describe.
 */
final class Entities {

  private static final Set<String> PLACE_NOUNS =
      Set.of(
          "city", "town", "village", "province", "governorate", "district", "region", "neighborhood",
          "neighbourhood", "neighborhoods", "neighbourhoods", "suburb", "suburbs", "county",
          "state", "camp", "port", "capital");

  private static final Set<String> GLUED_SUFFIXES =
      Set.of(
          "led", "backed", "based", "linked", "allied", "run", "controlled", "held", "affiliated",
          "aligned", "funded", "supported", "sponsored", "born", "made", "brokered", "owned");

  private final EntityList list;

  Entities(EntityList list) {
    this.list = list;
  }

  /** A candidate mention before typing and grouping. */
  private static final class Cand {
    final int first;
    final int end;
    final int begin;
    final int endChar;
    String type;
    String subtype;
    EntityList.Entry entry;
    int contextVotes;
    Cand definedBy;

    Cand(int first, int end, int begin, int endChar, String type) {
      this.first = first;
      this.end = end;
      this.begin = begin;
      this.endChar = endChar;
      this.type = type;
    }
  }

  Reading read(Doc doc) {
    List<Cand> cands = new ArrayList<>();
    boolean[] covered = new boolean[doc.tokens().size()];
    listScan(doc, cands, covered);
    nerSpans(doc, cands, covered);
    acronyms(doc, cands, covered);
    context(doc, cands);
    cands.sort(Comparator.comparingInt((Cand c) -> c.begin).thenComparingInt(c -> c.endChar));
    vote(doc, cands);
    return group(doc, cands);
  }

  // ---------------------------------------------------------------- candidates

  private void listScan(Doc doc, List<Cand> cands, boolean[] covered) {
    List<Tok> toks = doc.tokens();
    int max = Math.max(1, list.maxTokens() + 1);
    for (Sentence s : doc.sentences()) {
      int i = s.firstToken();
      while (i < s.endToken()) {
        Tok t = toks.get(i);
        int matched = 0;
        EntityList.Entry entry = null;
        if (startsName(t) && !t.word().equalsIgnoreCase("the")) {
          for (int n = Math.min(max, s.endToken() - i); n >= 1 && matched == 0; n--) {
            if (!wordLike(toks.get(i + n - 1))) {
              continue;
            }
            String surface = doc.text(i, i + n);
            Optional<EntityList.Entry> e = list.lookup(surface);
            if (e.isEmpty() && n >= 3 && isPossessive(toks.get(i + 1))) {
              e = possessiveVariant(doc, i, n);
            }
            if (e.isPresent() && acceptable(doc, i, n, e.get())) {
              matched = n;
              entry = e.get();
            }
          }
        }
        if (matched > 0) {
          Cand c = new Cand(i, i + matched, toks.get(i).begin(), toks.get(i + matched - 1).end(), entry.type());
          c.entry = entry;
          c.subtype = entry.subtype();
          cands.add(c);
          for (int k = i; k < i + matched; k++) {
            covered[k] = true;
          }
          i += matched;
          continue;
        }
        glued(doc, t, cands, covered);
        i++;
      }
    }
  }

  private static boolean wordLike(Tok t) {
    return !t.word().isEmpty() && Character.isLetterOrDigit(t.word().charAt(t.word().length() - 1));
  }

  /** "Syria's defense ministry" looked up as "Syrian defense ministry". */
  private Optional<EntityList.Entry> possessiveVariant(Doc doc, int i, int n) {
    Optional<EntityList.Entry> country = list.lookup(doc.tokens().get(i).word());
    if (country.isEmpty() || country.get().adjectives().isEmpty()) {
      return Optional.empty();
    }
    String rest = doc.text(i + 2, i + n);
    return list.lookup(country.get().adjectives().get(0) + " " + rest);
  }

  private static boolean isPossessive(Tok t) {
    return t.word().equals("'s") || t.word().equals("’s");
  }

  /** A one-word match must be a name in this sentence, not a capitalised common word. */
  private static boolean acceptable(Doc doc, int i, int n, EntityList.Entry e) {
    if (n > 1) {
      return true;
    }
    Tok t = doc.tokens().get(i);
    return t.isProperNoun() || isAcronym(t.word()) || !t.ner().equals("O");
  }

  /** "HTS-led", "Britain-based": a name glued to a participle. */
  private void glued(Doc doc, Tok t, List<Cand> cands, boolean[] covered) {
    String w = doc.text().substring(t.begin(), t.end());
    int dash = w.lastIndexOf('-');
    if (dash <= 0 || dash == w.length() - 1 || covered[t.index()]) {
      return;
    }
    String suffix = w.substring(dash + 1).toLowerCase(Locale.ROOT);
    if (!GLUED_SUFFIXES.contains(suffix)) {
      return;
    }
    String prefix = w.substring(0, dash);
    Optional<EntityList.Entry> e = list.lookup(prefix);
    if (e.isEmpty() || !Character.isUpperCase(prefix.charAt(0))) {
      return;
    }
    Cand c = new Cand(t.index(), t.index() + 1, t.begin(), t.begin() + dash, e.get().type());
    c.entry = e.get();
    c.subtype = e.get().subtype();
    cands.add(c);
    covered[t.index()] = true;
  }

  private static boolean startsName(Tok t) {
    String w = t.word();
    return !w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)));
  }

  private void nerSpans(Doc doc, List<Cand> cands, boolean[] covered) {
    List<Tok> toks = doc.tokens();
    for (NerSpan s : doc.spans()) {
      String type =
          switch (s.type()) {
            case "PERSON" -> "person";
            case "ORGANIZATION" -> "organization";
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> "place";
            default -> null;
          };
      if (type == null) {
        continue;
      }
      int from = s.firstToken();
      int to = s.endToken();
      while (from < to && trimmableHead(toks.get(from), type)) {
        from++;
      }
      while (to > from && (isPossessive(toks.get(to - 1)) || toks.get(to - 1).pos().equals("POS"))) {
        to--;
      }
      if (from >= to) {
        continue;
      }
      boolean overlap = false;
      boolean allLower = true;
      for (int k = from; k < to; k++) {
        overlap |= covered[k];
        Tok t = toks.get(k);
        if (t.pos().startsWith("PRP") || t.pos().equals("WP")) {
          overlap = true;
        }
        if (startsName(t)) {
          allLower = false;
        }
      }
      if (overlap || allLower) {
        continue;
      }
      if (type.equals("place") && PLACE_NOUNS.contains(toks.get(to - 1).word().toLowerCase(Locale.ROOT)) && to - from > 1) {
        to--; // "Hama city": the name is Hama, "city" is context
      }
      Cand c = new Cand(from, to, toks.get(from).begin(), toks.get(to - 1).end(), type);
      Optional<EntityList.Entry> e = list.lookup(doc.text(from, to));
      if (e.isPresent()) {
        c.entry = e.get();
        c.type = e.get().type();
        c.subtype = e.get().subtype();
      }
      cands.add(c);
      for (int k = from; k < to; k++) {
        covered[k] = true;
      }
    }
  }

  private static boolean trimmableHead(Tok t, String type) {
    String lw = t.word().toLowerCase(Locale.ROOT);
    if (t.pos().equals("DT") || lw.equals("the")) {
      return true;
    }
    return type.equals("person") && Names.TITLES.contains(lw);
  }

  /** "Hayat Tahrir al-Sham (HTS)": the acronym and every later use of it. */
  private void acronyms(Doc doc, List<Cand> cands, boolean[] covered) {
    List<Tok> toks = doc.tokens();
    Map<String, Cand> defined = new HashMap<>();
    List<Cand> sorted = new ArrayList<>(cands);
    sorted.sort(Comparator.comparingInt(c -> c.first));
    for (Cand c : sorted) {
      int i = c.end;
      if (i + 2 < toks.size()
          && isOpenBracket(toks.get(i))
          && isAcronym(toks.get(i + 1).word())
          && isCloseBracket(toks.get(i + 2))
          && !covered[i + 1]) {
        Tok a = toks.get(i + 1);
        Cand ac = new Cand(i + 1, i + 2, a.begin(), a.end(), c.type);
        ac.entry = c.entry;
        ac.subtype = c.subtype;
        ac.definedBy = c;
        cands.add(ac);
        covered[i + 1] = true;
        defined.putIfAbsent(a.word(), c);
      }
    }
    if (defined.isEmpty()) {
      return;
    }
    for (Tok t : toks) {
      if (covered[t.index()]) {
        continue;
      }
      Cand def = defined.get(t.word());
      if (def != null) {
        Cand ac = new Cand(t.index(), t.index() + 1, t.begin(), t.end(), def.type);
        ac.entry = def.entry;
        ac.subtype = def.subtype;
        ac.definedBy = def;
        cands.add(ac);
        covered[t.index()] = true;
      }
    }
  }

  private static boolean isOpenBracket(Tok t) {
    return t.word().equals("(") || t.word().equals("-LRB-");
  }

  private static boolean isCloseBracket(Tok t) {
    return t.word().equals(")") || t.word().equals("-RRB-");
  }

  static boolean isAcronym(String w) {
    if (w.length() < 2 || w.length() > 7) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!(Character.isUpperCase(c) || (c == '.' && i > 0))) {
        return false;
      }
    }
    return true;
  }

  /** "the city of X", "the neighbourhoods of X and Y", "X city": places whatever NER said. */
  private void context(Doc doc, List<Cand> cands) {
    List<Tok> toks = doc.tokens();
    for (Cand c : cands) {
      if (c.entry != null) {
        continue;
      }
      String before1 = c.first >= 1 ? toks.get(c.first - 1).word().toLowerCase(Locale.ROOT) : "";
      String before2 = c.first >= 2 ? toks.get(c.first - 2).word().toLowerCase(Locale.ROOT) : "";
      String after = c.end < toks.size() ? toks.get(c.end).word().toLowerCase(Locale.ROOT) : "";
      String placeNoun = null;
      if (before1.equals("of") && PLACE_NOUNS.contains(before2)) {
        placeNoun = before2;
      } else if (before1.equals("and") && c.first >= 4
          && toks.get(c.first - 3).word().equalsIgnoreCase("of")
          && PLACE_NOUNS.contains(toks.get(c.first - 4).word().toLowerCase(Locale.ROOT))) {
        placeNoun = toks.get(c.first - 4).word().toLowerCase(Locale.ROOT);
      } else if (PLACE_NOUNS.contains(after) && c.end < toks.size() && toks.get(c.end).sentence() == toks.get(c.first).sentence()) {
        placeNoun = after;
      }
      if (placeNoun != null) {
        c.type = "place";
        c.contextVotes = 3;
        c.subtype = placeSubtype(placeNoun);
      }
    }
  }

  private static String placeSubtype(String noun) {
    if (noun.startsWith("neighbo") || noun.startsWith("suburb")) {
      return "neighbourhood";
    }
    return switch (noun) {
      case "city", "town", "village", "capital", "port" -> "city";
      case "province", "governorate", "district", "region", "county", "state" -> "region";
      default -> null;
    };
  }

  /** Mentions of the same name agree on one type: context counts three, NER one. */
  private static void vote(Doc doc, List<Cand> cands) {
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Cand c : cands) {
      if (c.entry == null && c.definedBy == null) {
        votes.computeIfAbsent(Names.fold(surface(doc, c)), k -> new TreeMap<>())
            .merge(c.type, Math.max(1, c.contextVotes), Integer::sum);
      }
    }
    for (Cand c : cands) {
      if (c.entry == null && c.definedBy == null) {
        Map<String, Integer> v = votes.get(Names.fold(surface(doc, c)));
        String best = c.type;
        int bestN = -1;
        for (Map.Entry<String, Integer> e : v.entrySet()) {
          if (e.getValue() > bestN) {
            best = e.getKey();
            bestN = e.getValue();
          }
        }
        c.type = best;
      }
    }
  }

  static String surface(Doc doc, Cand c) {
    return doc.text().substring(c.begin, c.endChar);
  }

  // ---------------------------------------------------------------- grouping

  private Reading group(Doc doc, List<Cand> cands) {
    List<Local> locals = new ArrayList<>();
    Map<Cand, Integer> of = new HashMap<>();
    Map<String, Integer> byListId = new LinkedHashMap<>();
    Map<String, Integer> byKey = new LinkedHashMap<>();
    List<int[]> persons = new ArrayList<>(); // [local id]
    Map<Integer, List<String>> personWords = new HashMap<>();
    // Full names first, so that surnames find them whatever the order.
    List<Cand> ordered = new ArrayList<>(cands);
    ordered.sort(
        Comparator.comparingInt((Cand c) -> c.definedBy != null ? 2 : isShortPerson(doc, c) ? 1 : 0)
            .thenComparingInt(c -> c.begin));
    for (Cand c : ordered) {
      Integer id = null;
      if (c.definedBy != null && of.containsKey(c.definedBy)) {
        id = of.get(c.definedBy);
      } else if (c.entry != null) {
        id = byListId.get(c.entry.id());
        if (id == null) {
          id = locals.size();
          locals.add(new Local(id, c.entry.type(), c.entry.subtype(), c.entry.id(), c.entry.name()));
          byListId.put(c.entry.id(), id);
        }
      } else if (c.type.equals("person")) {
        List<String> words = Names.words(surface(doc, c));
        if (words.isEmpty()) {
          continue;
        }
        for (int[] p : persons) {
          List<String> pw = personWords.get(p[0]);
          if (Names.sameName(pw, words)
              || (words.size() == 1 && pw.size() > 1 && Names.sameWord(pw.get(pw.size() - 1), words.get(0)))) {
            id = p[0];
            break;
          }
        }
        if (id == null) {
          id = locals.size();
          locals.add(new Local(id, "person", null, null, null));
          persons.add(new int[] {id});
          personWords.put(id, words);
        }
      } else {
        String key = c.type + "|" + Names.fold(surface(doc, c));
        id = byKey.get(key);
        if (id == null && c.type.equals("organization") && Names.words(surface(doc, c)).size() == 1) {
          id = headOf(doc, Names.fold(surface(doc, c)), cands, of);
        }
        if (id == null) {
          id = locals.size();
          locals.add(new Local(id, c.type, c.subtype, null, null));
          byKey.put(key, id);
        }
      }
      of.put(c, id);
    }
    List<LocalMention> mentions = new ArrayList<>();
    for (Cand c : cands) {
      Integer id = of.get(c);
      if (id != null) {
        mentions.add(new LocalMention(id, c.first, c.end, c.begin, c.endChar, "name", surface(doc, c)));
      }
    }
    surnames(doc, locals, mentions, persons, personWords);
    mentions.sort(Comparator.comparingInt(LocalMention::begin).thenComparingInt(LocalMention::end));
    List<LocalMention> descriptions = Descriptions.find(doc, locals, mentions);
    List<LocalMention> all = new ArrayList<>(mentions);
    all.addAll(descriptions);
    all.sort(Comparator.comparingInt(LocalMention::begin).thenComparingInt(LocalMention::end).thenComparing(LocalMention::kind));
    return new Reading(doc, locals, all);
  }

  /** An organisation of the article whose name contains {@code word} as a word ("Observatory"). */
  private static Integer headOf(Doc doc, String word, List<Cand> cands, Map<Cand, Integer> of) {
    for (Cand o : cands) {
      Integer id = of.get(o);
      if (id != null && o.type.equals("organization") && o.end - o.first > 1
          && (" " + Names.fold(surface(doc, o)) + " ").contains(" " + word + " ")) {
        return id;
      }
    }
    return null;
  }

  /**
   * "Waters maintains": a surname NER left untagged, of a person the article names in full, is a
   * mention of that person.
   */
  private static void surnames(
      Doc doc, List<Local> locals, List<LocalMention> mentions, List<int[]> persons, Map<Integer, List<String>> personWords) {
    boolean[] taken = new boolean[doc.tokens().size()];
    for (LocalMention m : mentions) {
      for (int k = m.firstToken(); k < m.endToken(); k++) {
        taken[k] = true;
      }
    }
    for (Tok t : doc.tokens()) {
      if (taken[t.index()] || !t.isProperNoun() || !startsName(t) || t.word().length() < 3) {
        continue;
      }
      for (int[] p : persons) {
        List<String> w = personWords.get(p[0]);
        if (w.size() > 1 && w.get(w.size() - 1).equals(Names.fold(t.word()))) {
          mentions.add(new LocalMention(p[0], t.index(), t.index() + 1, t.begin(), t.end(), "name", t.word()));
          break;
        }
      }
    }
  }

  private static boolean isShortPerson(Doc doc, Cand c) {
    return c.entry == null && c.type.equals("person") && Names.words(surface(doc, c)).size() <= 1;
  }
}
