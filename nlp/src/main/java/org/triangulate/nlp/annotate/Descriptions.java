package org.triangulate.nlp.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.triangulate.nlp.annotate.Reading.Local;
import org.triangulate.nlp.annotate.Reading.LocalMention;

/**
 * Descriptions that join the entity they describe: appositives after a name ("the Syrian
 * Observatory for Human Rights, a Britain-based war monitor"; "— a war monitor run by MI6 —") and
 * premodifiers before one ("Kremlin spokesman Dmitry Peskov", "the jihadi group Hayat Tahrir
 * al-Sham", "Britain-based war monitor the Syrian Observatory").
 */
final class Descriptions {

  private static final int MAX_TOKENS = 15;
  private static final Set<String> DASHES = Set.of("–", "—", "--");
  private static final Set<String> HEADS =
      Set.of(
          "group", "monitor", "coalition", "militia", "agency", "network", "outlet", "organisation",
          "organization", "party", "movement", "alliance", "proxy", "faction", "force", "forces",
          "army", "channel", "ministry", "institute", "company", "broadcaster", "newspaper",
          "observatory", "body", "watchdog", "charity", "analyst", "official", "spokesman",
          "spokeswoman", "spokesperson", "minister", "leader", "commander", "chief", "president",
          "priest", "expert", "researcher", "diplomat", "ambassador", "envoy", "general", "officer",
          "mayor", "governor", "director", "head", "secretary", "secretary-general", "professor",
          "activist", "premier", "chancellor", "king", "prince", "emir", "cleric", "founder", "ruler",
          "father", "maj.", "major", "colonel", "col.", "gen.", "dr.", "sheikh", "journalist",
          "reporter", "correspondent", "editor", "resident", "witness", "lawmaker", "senator");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");

  private Descriptions() {}

  static List<LocalMention> find(Doc doc, List<Local> locals, List<LocalMention> names) {
    Map<Integer, LocalMention> startingAt = new HashMap<>();
    Map<Integer, LocalMention> covering = new HashMap<>();
    for (LocalMention m : names) {
      startingAt.putIfAbsent(m.firstToken(), m);
      for (int k = m.firstToken(); k < m.endToken(); k++) {
        covering.putIfAbsent(k, m);
      }
    }
    List<LocalMention> out = new ArrayList<>();
    for (LocalMention m : names) {
      Tok firstTok = doc.tokens().get(m.firstToken());
      Tok lastTok = doc.tokens().get(m.endToken() - 1);
      if (isAcronymInBrackets(doc, m) || m.begin() != firstTok.begin() || m.end() != lastTok.end()) {
        continue; // "HTS" inside "HTS-led" has no descriptions of its own
      }
      appositive(doc, locals, m, startingAt, out);
      if (!locals.get(m.entity()).type().equals("place")) {
        premodifier(doc, m, covering, out);
      }
    }
    return out;
  }

  private static boolean isAcronymInBrackets(Doc doc, LocalMention m) {
    return m.firstToken() > 0 && doc.tokens().get(m.firstToken() - 1).word().matches("\\(|-LRB-");
  }

  private static void appositive(
      Doc doc, List<Local> locals, LocalMention m, Map<Integer, LocalMention> startingAt, List<LocalMention> out) {
    List<Tok> toks = doc.tokens();
    int i = m.endToken();
    if (i + 1 >= toks.size() || toks.get(i).sentence() != toks.get(m.firstToken()).sentence()) {
      return;
    }
    String sep = toks.get(i).word();
    boolean dash = DASHES.contains(sep);
    if (!sep.equals(",") && !dash) {
      return;
    }
    int from = i + 1;
    Tok first = toks.get(from);
    String lw = first.word().toLowerCase(Locale.ROOT);
    if (!ARTICLES.contains(lw) && !(dash && Character.isLowerCase(first.word().charAt(0)))) {
      return;
    }
    if (startingAt.containsKey(from) && !ARTICLES.contains(lw)) {
      return;
    }
    int sentence = first.sentence();
    int to = from;
    boolean noun = false;
    boolean closed = false;
    boolean verbAfter = false;
    while (to < toks.size() && toks.get(to).sentence() == sentence && to - from < MAX_TOKENS) {
      Tok t = toks.get(to);
      String w = t.word();
      if (w.equals(",") || DASHES.contains(w) || w.equals(";") || w.equals(":") || w.matches("\\)|-RRB-")
          || w.equals("“") || w.equals("\"") || w.equals("``")) {
        closed = w.equals(",") || DASHES.contains(w);
        break;
      }
      if (to == from && t.isVerb()) {
        return;
      }
      if (to > from && (t.pos().equals("VBD") || t.pos().equals("VBZ") || t.pos().equals("VBP") || t.pos().equals("MD")
          || t.pos().equals("WDT") || t.pos().equals("WP"))) {
        verbAfter = t.isVerb() || t.pos().equals("MD");
        break;
      }
      noun |= t.isNoun() && Character.isLowerCase(w.charAt(0));
      to++;
    }
    while (to > from && toks.get(to - 1).pos().equals(".")) {
      to--;
    }
    if (!noun || to - from < 2 || to - from >= MAX_TOKENS || (dash && !closed)) {
      return;
    }
    if (verbAfter) {
      // "Syria, the Iraqi state news agency reported": the subject of a new clause, unless a person
      // is described as a person ("al-Golani, the de facto HTS leader announced").
      String head = toks.get(to - 1).word().toLowerCase(Locale.ROOT);
      if (!locals.get(m.entity()).type().equals("person") || !HEADS.contains(head)) {
        return;
      }
    }
    out.add(mention(doc, m.entity(), from, to));
  }

  private static void premodifier(
      Doc doc, LocalMention m, Map<Integer, LocalMention> covering, List<LocalMention> out) {
    List<Tok> toks = doc.tokens();
    int sentence = toks.get(m.firstToken()).sentence();
    int to = m.firstToken();
    if (to >= 2 && toks.get(to - 1).word().equalsIgnoreCase("the")
        && (toks.get(to - 2).isNoun() || HEADS.contains(toks.get(to - 2).word().toLowerCase(Locale.ROOT)))
        && toks.get(to - 2).sentence() == sentence
        && Character.isLowerCase(toks.get(to - 2).word().charAt(0))) {
      to--; // "war monitor the Syrian Observatory"
    }
    int from = to;
    boolean described = false;
    while (from > 0) {
      Tok t = toks.get(from - 1);
      if (t.sentence() != sentence) {
        break;
      }
      String w = t.word();
      String lw = w.toLowerCase(Locale.ROOT);
      boolean inMention = covering.containsKey(t.index()) && covering.get(t.index()).entity() != m.entity();
      boolean ok =
          t.pos().startsWith("JJ") || t.pos().equals("NN") || t.pos().equals("NNS") || t.pos().equals("VBN")
              || HEADS.contains(lw) || t.pos().equals("HYPH") || w.equals("-") || (t.isProperNoun() && !isPersonName(covering, t, m));
      if (!ok || covering.containsKey(t.index()) && covering.get(t.index()).entity() == m.entity()) {
        break;
      }
      from--;
    }
    while (from < to && (toks.get(from).word().equals("-") || toks.get(from).pos().equals("HYPH"))) {
      from++;
    }
    if (from < to) {
      String head = toks.get(to - 1).word().toLowerCase(Locale.ROOT);
      boolean glued = to - from >= 3 && toks.get(to - 2).word().equals("-")
          && Set.of("based", "backed", "linked", "led", "run", "funded", "allied", "affiliated", "aligned", "sponsored", "supported").contains(head);
      described = glued || HEADS.contains(head) || head.endsWith("-based") || head.endsWith("-backed")
          || head.endsWith("-linked") || head.endsWith("-led") || head.endsWith("-general");
    }
    if (from < to && described && to - from <= 8) {
      out.add(mention(doc, m.entity(), from, to));
    }
  }

  private static boolean isPersonName(Map<Integer, LocalMention> covering, Tok t, LocalMention m) {
    return covering.containsKey(t.index()) && covering.get(t.index()).entity() == m.entity();
  }

  private static LocalMention mention(Doc doc, int entity, int from, int to) {
    List<Tok> toks = doc.tokens();
    return new LocalMention(
        entity, from, to, toks.get(from).begin(), toks.get(to - 1).end(), "description", doc.text(from, to));
  }
}
