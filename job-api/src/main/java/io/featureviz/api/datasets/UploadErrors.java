package io.featureviz.api.datasets;

import io.featureviz.api.problems.FieldError;
import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.uploads.UploadSizeFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of an upload, collected to be answered at once: 413 when a file or the whole is
 * over a size limit, else 400.
 */
final class UploadErrors {

  private final List<FieldError> errors = new ArrayList<>();
  private FieldError firstTooLarge;

  void add(FieldError error) {
    errors.add(error);
  }

  void tooLarge(FieldError error) {
    if (firstTooLarge == null) {
      firstTooLarge = error;
    }
    errors.add(error);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  void throwIfAny() {
    if (firstTooLarge != null) {
      throw UploadSizeFilter.tooLarge(firstTooLarge.field() + ": " + firstTooLarge.message(),
          errors);
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidRequest(errors);
    }
  }
}
