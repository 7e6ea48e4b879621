package org.triangulate.annotate;

/** The version string of a model's code, for keys of kept records. */
public final class Versions {

  private Versions() {}

  /**
   * {@code type}'s name and its jar's implementation version ({@code dev} when run from classes, as
   * in a build's tests, where the records of one build are kept no longer than its output folders).
   */
  public static String of(Class<?> type) {
    String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return type.getName() + " " + (v == null ? "dev" : v);
  }
}
