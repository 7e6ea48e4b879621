package org.triangulate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A number an article states, read with its unit and what it counts.
 *
 * @param span the words that state it ("more than 280,000 people", "40 km")
 * @param value the number as stated (for a vague amount such as "tens of thousands", its lower
 *     bound)
 * @param unit the unit as a canonical code: {@code km}, {@code mi}, {@code percent}, {@code day},
 *     {@code USD}, ...; {@code count} for a plain count of things
 * @param approx {@code exact}, {@code about}, {@code more-than}, {@code at-least}, {@code
 *     less-than}, {@code at-most}, {@code range} or {@code vague}
 * @param low the smallest value the words allow, in {@code unit}; empty when unbounded
 * @param high the largest value the words allow, in {@code unit}; empty when unbounded
 * @param about what it counts or measures ("people displaced", "fighting", "detainees"); empty
 *     when the text does not say
 * @param base the value converted to the unit's base ({@code m}, {@code s}, ...), so that 40 km and
 *     25 mi compare; the same as {@code value} for units without a base
 * @param baseUnit the base unit
 */
public record Quantity(
    Span span,
    double value,
    String unit,
    String approx,
    Optional<Double> low,
    Optional<Double> high,
    Optional<String> about,
    double base,
    String baseUnit) {

  public Quantity {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(approx, "approx");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(baseUnit, "baseUnit");
  }
}
