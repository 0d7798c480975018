package io.featureviz.optvis.transform;

import io.featureviz.contracts.transform.TransformParser;
import io.featureviz.contracts.transform.TransformSpec;
import java.util.List;
import org.tensorflow.op.Ops;

/**
 * An ordered list of transforms: the {@link TransformSpec}s of the list grammar (in
 * {@code contracts}), composed into this engine's in-graph transforms.
 */
public record TransformList(List<TransformSpec> specs) {

  public static final TransformList NONE = new TransformList(List.of());
  /** lucid's {@code standard_transforms}. */
  public static final TransformList STANDARD = new TransformList(TransformParser.STANDARD_LIST);

  public TransformList {
    specs = List.copyOf(specs);
  }

  /** The list that text in the transform grammar names. */
  public static TransformList parse(String text) {
    return new TransformList(TransformParser.parse(text));
  }

  /** Each spec as the engine transform that applies it, in order. */
  public List<Transform> transforms() {
    return specs.stream().map(spec -> spec.accept(ENGINE_TRANSFORMS)).toList();
  }

  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    Ops scoped = tf.withSubScope("transforms");
    TransformedImage current = image;
    InverseMap pending = null;
    for (Transform transform : transforms()) {
      if (transform instanceof AffineTransform affine) {
        InverseMap map = affine.inverse(scoped, current.batch(), random);
        pending = pending == null ? map : pending.then(scoped, map);
        continue;
      }
      if (pending != null) {
        current = BilinearWarp.warp(scoped, current, pending);
        pending = null;
      }
      current = transform.apply(scoped, current, random);
    }
    return pending == null ? current : BilinearWarp.warp(scoped, current, pending);
  }

  /** The list in the transform grammar. */
  public String describe() {
    return TransformSpec.toText(specs);
  }

  private static final TransformSpec.Visitor<Transform> ENGINE_TRANSFORMS =
      new TransformSpec.Visitor<>() {
        @Override
        public Transform visit(TransformSpec.Pad pad) {
          return new Pad(pad.pixels(), pad.value());
        }

        @Override
        public Transform visit(TransformSpec.Jitter jitter) {
          return new Jitter(jitter.pixels());
        }

        @Override
        public Transform visit(TransformSpec.Scale scale) {
          return new RandomScale(scale.factors());
        }

        @Override
        public Transform visit(TransformSpec.Rotate rotate) {
          return new RandomRotate(rotate.degrees());
        }
      };
}
