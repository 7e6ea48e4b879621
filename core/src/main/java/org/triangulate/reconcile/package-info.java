/**
 * The reconcile stage: what a story's sources say together. {@link
 * org.triangulate.reconcile.Reconciler#reconcile} reads a story's {@link
 * org.triangulate.reconcile.StoryEvidence} and returns its {@link
 * org.triangulate.model.Reconciliation}: claims with their standing (corroborated by independent
 * sources, single-source, contested, with the contradiction explained), quote groups, the labels
 * each source gives each actor, the dated events, and a brief.
 */
package org.triangulate.reconcile;
