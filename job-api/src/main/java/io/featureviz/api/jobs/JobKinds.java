package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.JobKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Job kinds by their wire names ({@code render}, {@code dataset_examples}, {@code explain}). */
final class JobKinds {

  private static final List<JobKind> KINDS = List.of(JobKind.values());

  static final Set<String> WIRE_NAMES =
      Set.copyOf(KINDS.stream().map(JobKind::wireName).toList());

  /** The wire names, for errors: {@code render, dataset_examples, explain}. */
  static final String NAMES = String.join(", ", KINDS.stream().map(JobKind::wireName).toList());

  private JobKinds() {}

  static Optional<JobKind> of(String wireName) {
    return KINDS.stream().filter(k -> k.wireName().equals(wireName)).findFirst();
  }
}
