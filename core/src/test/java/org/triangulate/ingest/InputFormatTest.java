package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {

  @ParameterizedTest(name = "{0} with ''{1}'' is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a.txt|<html>|TEXT",
        "a.TXT|x|TEXT",
        "a.html|x|HTML",
        "a.htm|x|HTML",
        "a.jsonl|x|JSONL",
        "a.ndjson|x|JSONL",
        "a.jsonl.gz|x|JSONL",
        "a.warc|x|WARC",
        "CC-NEWS-20241205.warc.gz|x|WARC",
        "noext|WARC/1.0|WARC",
        "page|  <!DOCTYPE html><html>|HTML",
        "page|<div><head></head><body>hi</body>|HTML",
        "records|{\"id\": 1}|JSONL",
        "README|Rebels entered Hama on Thursday.|TEXT",
        "a.md|Rebels entered Hama.|TEXT"
      })
  void tellsTheFormatFromNameThenContent(String name, String head, InputFormat expected) {
    byte[] b = head.getBytes(StandardCharsets.UTF_8);
    assertThat(InputFormat.of(name, b, b.length)).isEqualTo(expected);
  }
}
