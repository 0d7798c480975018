package io.featureviz.optvis.attribution;

import java.util.Arrays;
import java.util.Random;

/**
 * Non-negative matrix factorization {@code A ~ W H} by Lee and Seung's multiplicative updates for
 * the Frobenius norm (lucid's {@code ChannelReducer} with NMF uses the same objective through
 * scikit-learn). A is rows x columns, W rows x rank and H rank x columns, all row-major.
 *
 * <p>Layer activations are not always non-negative (a residual sum, a layer before its ReLU): the
 * negative entries of A are clamped to 0 first, so the factors explain the positive part of the
 * activations, as lucid's building blocks do by factorizing post-ReLU layers.
 *
 * <p>The updates never raise the reconstruction error (Lee and Seung 2001, Theorem 1); they stop
 * after {@code maxIterations} or once an iteration improves the error by less than
 * {@code tolerance} of its value.
 */
public final class NonNegativeFactorization {

  public static final int DEFAULT_ITERATIONS = 300;
  public static final double DEFAULT_TOLERANCE = 1e-4;
  /** Keeps the update's denominators away from 0; far below any activation's square. */
  private static final double TINY = 1e-12;

  /**
   * The factors and how they were reached.
   *
   * @param errors the squared Frobenius error ||A - WH||^2 of the initial factors and after each
   *     iteration; its length minus one is the number of iterations run
   */
  public record Factors(int rows, int columns, int rank, double[] w, double[] h, double[] errors) {

    /** Column {@code k} of W: factor k's weight at each row. */
    public double[] column(int k) {
      double[] out = new double[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = w[r * rank + k];
      }
      return out;
    }

    /** Row {@code k} of H: factor k's weight on each column. */
    public double[] row(int k) {
      return Arrays.copyOfRange(h, k * columns, (k + 1) * columns);
    }

    public double finalError() {
      return errors[errors.length - 1];
    }
  }

  private NonNegativeFactorization() {}

  /** {@link #factor(float[], int, int, int, long, int, double)} with the default stopping rule. */
  public static Factors factor(float[] a, int rows, int columns, int rank, long seed) {
    return factor(a, rows, columns, rank, seed, DEFAULT_ITERATIONS, DEFAULT_TOLERANCE);
  }

  /**
   * Factors {@code a} (negative entries clamped to 0). The same arguments give the same factors.
   *
   * @throws IllegalArgumentException for a rank outside 1..min(rows, columns) or a wrong length
   */
  public static Factors factor(float[] a, int rows, int columns, int rank, long seed,
      int maxIterations, double tolerance) {
    if (rows < 1 || columns < 1 || a.length != (long) rows * columns) {
      throw new IllegalArgumentException("expected " + rows + " x " + columns + " values, got "
          + a.length);
    }
    if (rank < 1 || rank > Math.min(rows, columns)) {
      throw new IllegalArgumentException("rank must be 1.." + Math.min(rows, columns) + ", got "
          + rank);
    }
    double[] clamped = new double[a.length];
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < a.length; i++) {
      clamped[i] = Math.max(0, a[i]);
      sum += clamped[i];
      squares += clamped[i] * clamped[i];
    }
    // scikit-learn's "random" initialization: |N(0,1)| scaled so that WH has A's mean.
    double scale = Math.sqrt(sum / a.length / rank);
    Random random = new Random(seed);
    double[] w = randomFactor(random, rows * rank, scale);
    double[] h = randomFactor(random, rank * columns, scale);
    return new Updates(clamped, rows, columns, rank, squares, w, h).run(maxIterations, tolerance);
  }

  private static double[] randomFactor(Random random, int length, double scale) {
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = Math.abs(random.nextGaussian()) * scale;
    }
    return out;
  }

  /** The iteration's state and the products it reuses. */
  private record Updates(double[] a, int rows, int columns, int rank, double squaresOfA,
      double[] w, double[] h) {

    Factors run(int maxIterations, double tolerance) {
      double[] errors = new double[maxIterations + 1];
      int done = 0;
      double[] wtA = wTransposeA();
      errors[0] = error(wtA);
      while (done < maxIterations) {
        updateH(wtA);
        updateW();
        wtA = wTransposeA();
        errors[done + 1] = error(wtA);
        done++;
        double previous = errors[done - 1];
        if (previous <= 0 || (previous - errors[done]) / previous < tolerance) {
          break;
        }
      }
      return new Factors(rows, columns, rank, w, h, Arrays.copyOf(errors, done + 1));
    }

    /** ||A - WH||^2 = ||A||^2 - 2 <W^T A, H> + <W^T W, H H^T>, without forming WH. */
    private double error(double[] wtA) {
      double cross = 0;
      for (int i = 0; i < wtA.length; i++) {
        cross += wtA[i] * h[i];
      }
      double[] wtW = gram(w, rows, rank, true);
      double[] hhT = gram(h, rank, columns, false);
      double model = 0;
      for (int i = 0; i < wtW.length; i++) {
        model += wtW[i] * hhT[i];
      }
      return Math.max(0, squaresOfA - 2 * cross + model);
    }

    /** H <- H * (W^T A) / (W^T W H). */
    private void updateH(double[] wtA) {
      double[] wtW = gram(w, rows, rank, true);
      double[] denominator = new double[rank * columns];
      for (int k = 0; k < rank; k++) {
        for (int j = 0; j < rank; j++) {
          double factor = wtW[k * rank + j];
          for (int c = 0; c < columns; c++) {
            denominator[k * columns + c] += factor * h[j * columns + c];
          }
        }
      }
      for (int i = 0; i < h.length; i++) {
        h[i] *= wtA[i] / Math.max(denominator[i], TINY);
      }
    }

    /** W <- W * (A H^T) / (W H H^T). */
    private void updateW() {
      double[] hhT = gram(h, rank, columns, false);
      for (int r = 0; r < rows; r++) {
        int aRow = r * columns;
        int wRow = r * rank;
        double[] numerator = new double[rank];
        for (int k = 0; k < rank; k++) {
          numerator[k] = dot(a, aRow, h, k * columns, columns);
        }
        double[] denominator = new double[rank];
        for (int k = 0; k < rank; k++) {
          for (int j = 0; j < rank; j++) {
            denominator[k] += w[wRow + j] * hhT[j * rank + k];
          }
        }
        for (int k = 0; k < rank; k++) {
          w[wRow + k] *= numerator[k] / Math.max(denominator[k], TINY);
        }
      }
    }

    /** W^T A, rank x columns. */
    private double[] wTransposeA() {
      double[] out = new double[rank * columns];
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < rank; k++) {
          double weight = w[r * rank + k];
          if (weight == 0) {
            continue;
          }
          int outRow = k * columns;
          int aRow = r * columns;
          for (int c = 0; c < columns; c++) {
            out[outRow + c] += weight * a[aRow + c];
          }
        }
      }
      return out;
    }

    /**
     * x[xFrom ..] . y[yFrom ..] over {@code length} values, with four partial sums: one chain of
     * dependent additions would leave the CPU waiting on each (a third of the factorization's time
     * for a 768-channel layer).
     */
    private static double dot(double[] x, int xFrom, double[] y, int yFrom, int length) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int i = 0;
      for (; i + 3 < length; i += 4) {
        s0 += x[xFrom + i] * y[yFrom + i];
        s1 += x[xFrom + i + 1] * y[yFrom + i + 1];
        s2 += x[xFrom + i + 2] * y[yFrom + i + 2];
        s3 += x[xFrom + i + 3] * y[yFrom + i + 3];
      }
      for (; i < length; i++) {
        s0 += x[xFrom + i] * y[yFrom + i];
      }
      return (s0 + s1) + (s2 + s3);
    }

    /**
     * The rank x rank Gram matrix of a row-major {@code n x m} matrix: of its columns (M^T M,
     * m = rank) or of its rows (M M^T, n = rank).
     */
    private double[] gram(double[] m, int n, int cols, boolean ofColumns) {
      double[] out = new double[rank * rank];
      if (ofColumns) {
        for (int r = 0; r < n; r++) {
          for (int i = 0; i < cols; i++) {
            double x = m[r * cols + i];
            for (int j = 0; j < cols; j++) {
              out[i * cols + j] += x * m[r * cols + j];
            }
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          for (int j = i; j < n; j++) {
            double dot = dot(m, i * cols, m, j * cols, cols);
            out[i * n + j] = dot;
            out[j * n + i] = dot;
          }
        }
      }
      return out;
    }
  }
}
