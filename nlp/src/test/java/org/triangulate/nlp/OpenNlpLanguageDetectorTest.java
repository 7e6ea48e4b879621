package org.triangulate.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OpenNlpLanguageDetectorTest {

  private final OpenNlpLanguageDetector detector = OpenNlpLanguageDetector.get();

  static Stream<Path> hamaFiles() throws IOException {
    return Files.list(Path.of("../examples/hama")).sorted();
  }

  @ParameterizedTest
  @MethodSource("hamaFiles")
  void readsEveryHamaReportAsEnglish(Path file) throws IOException {
    assertThat(detector.detect(Files.readString(file, StandardCharsets.UTF_8))).contains("en");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de|Islamistische Aufständische sind in die syrische Stadt Hama eingedrungen, nachdem sie die Stadt fünf Tage lang belagert hatten.",
        "fr|Des insurgés islamistes sont entrés dans la ville syrienne de Hama après cinq jours de combats contre les forces loyales au président.",
        "es|Los insurgentes islamistas entraron en la ciudad siria de Hama tras cinco días de combates contra las fuerzas leales al presidente.",
        "ar|دخل المسلحون مدينة حماة السورية بعد خمسة أيام من القتال العنيف مع القوات الحكومية في محيط المدينة",
        "ru|Исламистские повстанцы вошли в сирийский город Хама после пяти дней боёв с силами, верными президенту Асаду.",
        "tr|İslamcı isyancılar, beş gün süren çatışmaların ardından Suriye'nin Hama kentine girdi ve hükümet güçleri geri çekildi."
      })
  void tellsCommonNewsLanguagesApart(String expected, String text) {
    assertThat(detector.detect(text)).contains(expected);
  }

  @Test
  void givesNoAnswerForTooLittleText() {
    assertThat(detector.detect("Hama, 2024")).isEmpty();
    assertThat(detector.detect("")).isEmpty();
  }

  @Test
  void mapsThreeLetterCodesToTwoLetterCodes() {
    assertThat(OpenNlpLanguageDetector.toIso639_1("eng")).isEqualTo("en");
    assertThat(OpenNlpLanguageDetector.toIso639_1("deu")).isEqualTo("de");
    assertThat(OpenNlpLanguageDetector.toIso639_1("cmn")).isEqualTo("zh");
    assertThat(OpenNlpLanguageDetector.toIso639_1("pes")).isEqualTo("fa");
    assertThat(OpenNlpLanguageDetector.toIso639_1("ceb")).isEqualTo("ceb");
  }

  @Test
  void fastPathAgreesWithTheModelOnEveryDevelopmentArticle() throws IOException {
    Path ecb = Path.of("../../shared/eval/ecbplus-dev/articles.jsonl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ecb), "needs ../shared/eval beside the project");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    int fast = 0;
    int total = 0;
    for (String line : Files.readAllLines(ecb, StandardCharsets.UTF_8)) {
      String text = json.readTree(line).get("text").asText();
      total++;
      if (EnglishProfile.isClearlyEnglish(text)) {
        fast++;
        assertThat(detector.detectWithModel(text)).as(text.substring(0, Math.min(200, text.length()))).contains("en");
      }
    }
    assertThat(total).isEqualTo(772);
    assertThat(fast).as("articles the fast path answers").isGreaterThan(total * 9 / 10);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Les insurgés islamistes sont entrés jeudi dans la ville syrienne de Hama, après cinq jours de combats contre les forces loyales au président Bachar al-Assad, a annoncé l'armée, qui dit s'être retirée de la ville pour préserver la vie des civils et ne pas entraîner la population dans les combats.",
        "Die islamistischen Rebellen sind am Donnerstag in die syrische Stadt Hama eingedrungen, nachdem sie die Stadt fünf Tage lang belagert hatten. Die Armee erklärte, sie habe sich zurückgezogen, um das Leben der Zivilisten zu schützen und die Bevölkerung nicht in die Kämpfe hineinzuziehen.",
        "Los insurgentes islamistas entraron el jueves en la ciudad siria de Hama tras cinco días de combates contra las fuerzas leales al presidente Bashar al Asad, y el ejército dijo que se había retirado para preservar la vida de los civiles y no arrastrar a la población a los combates.",
        "De islamitische rebellen zijn donderdag de Syrische stad Hama binnengetrokken na vijf dagen van gevechten met troepen die trouw zijn aan president Assad. Het leger zei dat het zich had teruggetrokken om het leven van burgers te sparen en de bevolking niet bij de gevechten te betrekken."
      })
  void fastPathLeavesOtherLanguagesToTheModel(String text) {
    assertThat(EnglishProfile.isClearlyEnglish(text)).isFalse();
  }
}
