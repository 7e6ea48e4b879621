package org.triangulate.align.nn;

/**
 * Random-hyperplane signatures (SimHash, Charikar 2002) of dense vectors: bit {@code i} is set when
 * the vector lies on the positive side of hyperplane {@code i}. Two vectors at angle {@code θ}
 * agree on each bit with probability {@code 1 - θ/π}, whatever their length, so the share of equal
 * bits estimates their cosine.
 *
 * <p>The hyperplanes' normals have standard normal entries drawn from a splitmix64 stream with the
 * given seed through Box-Muller: the same seed gives the same signatures on every JVM. Immutable
 * and safe to share between threads.
 */
public final class SimHasher {

  private final int dimensions;
  private final int bits;
  private final float[] normals; // dimensions x bits: the hyperplanes' d-th entries together

  /**
   * @param dimensions the length of the vectors signed
   * @param bits the signature length
   * @param seed the hyperplanes' seed
   */
  public SimHasher(int dimensions, int bits, long seed) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1: " + dimensions);
    }
    if (bits < 1 || bits > 4096) {
      throw new IllegalArgumentException("bits must be 1 to 4096: " + bits);
    }
    this.dimensions = dimensions;
    this.bits = bits;
    this.normals = new float[bits * dimensions];
    long state = seed;
    for (int i = 0; i < normals.length; i += 2) {
      state += 0x9E3779B97F4A7C15L;
      double u1 = unit(mix(state));
      state += 0x9E3779B97F4A7C15L;
      double u2 = unit(mix(state));
      double r = Math.sqrt(-2 * Math.log(u1));
      normals[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < normals.length) {
        normals[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
  }

  /** The signature length in bits. */
  public int bits() {
    return bits;
  }

  /** The number of longs of a signature. */
  public int words() {
    return (bits + 63) >>> 6;
  }

  /** The length of the vectors signed. */
  public int dimensions() {
    return dimensions;
  }

  /**
   * Writes the signature of {@code vector} (from {@code offset}, {@link #dimensions()} long) to
   * {@code out} from {@code at}, {@link #words()} longs; unused high bits of the last are 0.
   */
  public void sign(float[] vector, int offset, long[] out, int at) {
    float[] dots = new float[bits];
    // one pass per dimension over all hyperplanes: the inner loop has no reduction and
    // vectorises, and each dot product still sums in the order of the dimensions
    for (int d = 0; d < dimensions; d++) {
      float x = vector[offset + d];
      int row = d * bits;
      for (int b = 0; b < bits; b++) {
        dots[b] += normals[row + b] * x;
      }
    }
    for (int w = 0; w < words(); w++) {
      out[at + w] = 0;
    }
    for (int b = 0; b < bits; b++) {
      if (dots[b] > 0) {
        out[at + (b >>> 6)] |= 1L << (b & 63);
      }
    }
  }

  /** The signature of {@code vector}. */
  public long[] sign(float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "vector length must be " + dimensions + ": " + vector.length);
    }
    long[] out = new long[words()];
    sign(vector, 0, out, 0);
    return out;
  }

  /** Bytes held by the hyperplanes. */
  public long bytes() {
    return 16 + 4L * normals.length;
  }

  /** A double in (0, 1], never 0, for the logarithm of Box-Muller. */
  private static double unit(long x) {
    return ((x >>> 11) + 1) * 0x1.0p-53;
  }

  /** splitmix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
