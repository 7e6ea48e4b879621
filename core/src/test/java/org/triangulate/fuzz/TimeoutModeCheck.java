package org.triangulate.fuzz;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops a fuzzing run ({@code JAZZER_FUZZ=1}) that left JUnit's timeouts on: JUnit would then time
 * the whole fuzzing run against the per-input limit of {@link BoundedFuzzTest} and end it after 10
 * seconds. The per-input limit still holds while fuzzing: Jazzer passes it to libFuzzer.
 */
final class TimeoutModeCheck implements BeforeEachCallback {

  static final String MODE = "junit.jupiter.execution.timeout.mode";

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean fuzzing = truthy(System.getenv("JAZZER_FUZZ")) || truthy(System.getProperty("JAZZER_FUZZ"));
    Optional<String> mode = context.getConfigurationParameter(MODE);
    if (fuzzing && !mode.map(m -> m.strip().equalsIgnoreCase("disabled")).orElse(false)) {
      throw new ExtensionConfigurationException(
          "fuzzing needs JUnit's timeouts off, or JUnit would end the whole run after the 10-second"
              + " per-input limit: add -D" + MODE + "=disabled (libFuzzer still stops any input"
              + " that takes over 10 seconds); see docs/fuzzing.md");
    }
  }

  private static boolean truthy(String v) {
    if (v == null) {
      return false;
    }
    String s = v.strip().toLowerCase(Locale.ROOT);
    return s.equals("1") || s.equals("true") || s.equals("yes");
  }
}
