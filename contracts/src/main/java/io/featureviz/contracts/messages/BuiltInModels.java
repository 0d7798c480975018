package io.featureviz.contracts.messages;

import java.util.List;

/**
 * The models the engine ships with. Services that do not load models (the job API) know them by
 * id only: their descriptions reach the catalog when a worker starts.
 */
public final class BuiltInModels {

  public static final String MOBILENET_V2 = "mobilenet_v2";
  public static final String INCEPTION_V3 = "inception_v3";
  /** Every built-in id. */
  public static final List<String> IDS = List.of(MOBILENET_V2, INCEPTION_V3);

  private BuiltInModels() {}

  public static boolean isBuiltIn(String id) {
    return IDS.contains(id);
  }
}
