/**
 * The pipeline: the one place that orders the stages and owns the worker threads ({@link
 * org.triangulate.pipeline.Pipeline}, {@link org.triangulate.pipeline.WorkerPool}).
 *
 * <p><b>Stage contracts.</b> Per-article stages (ingest, {@link
 * org.triangulate.annotate.Annotator#read read}) depend on the article alone (and its reference
 * date); per-story stages ({@link org.triangulate.pipeline.StoryStages}: align, trace, reconcile)
 * depend on the story's articles and their per-article records, plus the corpus's entity names;
 * the corpus steps are named as such: grouping ({@link org.triangulate.group}), entity linking
 * ({@link org.triangulate.annotate.Annotator#link link}) and, inside a large story, copy and
 * paraphrase candidates. Stage code starts no threads and keeps no static mutable state: loops
 * run on the {@link org.triangulate.work.Workers} the pipeline lends; models load once per JVM
 * behind {@code Annotator} and {@code Embedder}.
 *
 * <p><b>Identities.</b> Article ids come from the source and never change; entity ids from the
 * curated list or the normalised name; a story keeps its id as articles join it, and a merge
 * records the absorbed id as an alias ({@code Identities}).
 *
 * <p><b>Computed once.</b> In {@link org.triangulate.pipeline.Pipeline#add add}, no known article
 * is read by the NLP models again and a story whose articles did not change keeps its results;
 * within a run each distinct sentence is embedded once ({@code EmbeddingCache}), however many
 * stages ask for it.
 *
 * <p><b>What it does not do (yet).</b> It keeps no state between calls beyond what the caller
 * hands back (a {@link org.triangulate.report.Report}); sentence vectors are not kept between
 * runs, so the articles of a story that changes are embedded again; an undated article that was
 * read before its story gained a dated article keeps the times it resolved then.
 */
package org.triangulate.pipeline;
