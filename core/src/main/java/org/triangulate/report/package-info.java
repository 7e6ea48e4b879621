/**
 * The report stage: writes what a run found. Input: a {@link org.triangulate.report.Report}.
 * Output: {@code report.json}, schema {@code triangulate.report/1}, documented field by field in
 * {@code docs/report.md}. Invariants: the same report gives the same bytes; every span indexes into
 * the {@code text} of the article it names. It does not yet write the HTML report.
 */
package org.triangulate.report;
