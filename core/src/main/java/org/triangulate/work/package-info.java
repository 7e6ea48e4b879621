/**
 * How stage code runs a loop on several threads without owning any: {@link
 * org.triangulate.work.Workers} is handed to a stage by its caller (the pipeline's {@code
 * WorkerPool}, or {@link org.triangulate.work.Workers#inline()} for one thread). Stage code starts
 * no threads; results go to per-index slots, so what a stage computes does not depend on
 * scheduling or on the number of threads.
 */
package org.triangulate.work;
