package io.featureviz.contracts.objective;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** A class of a classifier, named by its output index or by its label. */
public sealed interface ClassRef permits ClassRef.Index, ClassRef.Label {

  static ClassRef index(int index) {
    return new Index(index);
  }

  static ClassRef label(String label) {
    return new Label(label);
  }

  /** Grammar text: the index, a bare word label, or a double-quoted label. */
  String toGrammar();

  /**
   * The output index this reference names in {@code labels}, or empty when it names none.
   * Labels match case-insensitively; a label also matches one comma-separated synonym of a
   * list entry ("hotdog" matches "hot dog, hotdog, red hot") when no entry matches whole.
   */
  OptionalInt indexIn(List<String> labels);

  record Index(int value) implements ClassRef {
    public Index {
      Grammar.requireNonNegative("class index", value);
    }

    @Override
    public String toGrammar() {
      return Integer.toString(value);
    }

    @Override
    public OptionalInt indexIn(List<String> labels) {
      return value < labels.size() ? OptionalInt.of(value) : OptionalInt.empty();
    }
  }

  record Label(String text) implements ClassRef {
    public Label {
      Objects.requireNonNull(text, "label");
      if (text.isBlank() || text.length() > Grammar.MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "class label must be non-blank and at most " + Grammar.MAX_NAME_LENGTH + " characters");
      }
      if (text.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("class label must not contain control characters");
      }
    }

    @Override
    public String toGrammar() {
      return Grammar.label(text);
    }

    @Override
    public OptionalInt indexIn(List<String> labels) {
      String wanted = normalise(text);
      OptionalInt whole = firstIndex(labels, label -> normalise(label).equals(wanted));
      if (whole.isPresent()) {
        return whole;
      }
      return firstIndex(
          labels,
          label -> List.of(label.split(",")).stream().anyMatch(s -> normalise(s).equals(wanted)));
    }

    private static String normalise(String label) {
      return label.trim().toLowerCase(Locale.ROOT);
    }

    private static OptionalInt firstIndex(
        List<String> labels, Predicate<String> matches) {
      return IntStream.range(0, labels.size()).filter(i -> matches.test(labels.get(i))).findFirst();
    }
  }
}
