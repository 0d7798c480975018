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
    List<Transform> transforms = transforms();
    TransformedImage current = image;
    WarpChain chain = null;
    for (int i = 0; i < transforms.size(); i++) {
      Transform transform = transforms.get(i);
      if (transform instanceof AffineTransform affine) {
        if (chain == null || !chain.takesWarp()) {
          current = chain == null ? current : chain.image(scoped);
          chain = WarpChain.of(scoped, current);
        }
        chain.warp(scoped, affine.inverse(scoped, current.batch(), random));
      } else if (transform instanceof Jitter jitter && chain != null) {
        jitter.requireRoom(chain.height(), chain.width());
        chain.crop(scoped, jitter.pixels(), jitter.offsets(scoped, random));
      } else if (transform instanceof Pad pad && warpFollows(transforms, i + 1)) {
        current = chain == null ? current : chain.image(scoped);
        chain = WarpChain.padded(scoped, current, pad.pixels(), pad.value());
      } else {
        current = chain == null ? current : chain.image(scoped);
        chain = null;
        current = transform.apply(scoped, current, random);
      }
    }
    return chain == null ? current : chain.image(scoped);
  }

  /** Whether a scale or rotation comes at {@code from}, after crops only: a pad joins its warp. */
  private static boolean warpFollows(List<Transform> transforms, int from) {
    for (Transform transform : transforms.subList(from, transforms.size())) {
      if (transform instanceof AffineTransform) {
        return true;
      }
      if (!(transform instanceof Jitter)) {
        return false;
      }
    }
    return false;
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
