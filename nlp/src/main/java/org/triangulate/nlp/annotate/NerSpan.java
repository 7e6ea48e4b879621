package org.triangulate.nlp.annotate;

/**
 * A run of tokens CoreNLP tagged as one named entity, number or time.
 *
 * @param firstToken index of its first token
 * @param endToken index just past its last token
 * @param type the NER type: PERSON, ORGANIZATION, LOCATION, MISC, DATE, TIME, DURATION, SET,
 *     NUMBER, ORDINAL, PERCENT, MONEY
 * @param normalized CoreNLP's normalised value (numbers, percents, money, times), or null
 * @param timex for DATE, TIME, DURATION and SET: SUTime's TIMEX3 value ({@code XXXX-WXX-4}, {@code
 *     P5D}, {@code 2011-03}, {@code THIS P1W}, {@code PAST_REF}), or null
 * @param timexAlt SUTime's alternative value when it has one (for "earlier this week": the
 *     offset expression), or null
 */
public record NerSpan(
    int firstToken, int endToken, String type, String normalized, String timex, String timexAlt) {}
