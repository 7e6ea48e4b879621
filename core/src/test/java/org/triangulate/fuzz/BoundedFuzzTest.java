package org.triangulate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jazzer {@link FuzzTest} whose time is bounded in both modes.
 *
 * <ul>
 *   <li>Fuzzing ({@code JAZZER_FUZZ=1}): it fuzzes for at most {@code maxDuration} (3 minutes;
 *       {@code -Djazzer.max_duration=10m} overrides it), and Jazzer turns the {@link Timeout} into
 *       libFuzzer's {@code -timeout=10}: an input that runs longer than 10 seconds is a finding (a
 *       {@code timeout-*} file with the stack of every thread), not a hang. JUnit's own timeout must
 *       be off then ({@code -Djunit.jupiter.execution.timeout.mode=disabled}), or it would time the
 *       whole fuzzing run; {@link TimeoutModeCheck} stops a run that forgot it.
 *   <li>Regression (the normal test run): each replayed input runs in its own thread and fails
 *       after 10 seconds, so a slow corpus input fails the suite instead of stopping it.
 * </ul>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TimeoutModeCheck.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FuzzTest(maxDuration = "3m")
@interface BoundedFuzzTest {}
