package io.featureviz.contracts.messages;

import java.util.regex.Pattern;

/**
 * Where datasets live in the bucket. A tenant's uploads are under
 * {@code datasets/<tenant>/<dataset>/}; built-in datasets every tenant may search are under
 * {@code public-datasets/<dataset>/}, a root of their own so that no tenant name can reach them.
 */
public final class DatasetKeys {

  /** Dataset ids: short, lower-case, safe in an object key and a URL path. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  private DatasetKeys() {}

  /** {@code datasets/<tenant>/<dataset>/}. */
  public static String tenantPrefix(String tenant, String dataset) {
    if (tenant == null || tenant.isBlank() || tenant.contains("/")) {
      throw new IllegalArgumentException("invalid tenant '" + tenant + "'");
    }
    return "datasets/" + tenant + "/" + checkedId(dataset) + "/";
  }

  /** {@code public-datasets/<dataset>/}. */
  public static String publicPrefix(String dataset) {
    return "public-datasets/" + checkedId(dataset) + "/";
  }

  private static String checkedId(String dataset) {
    if (dataset == null || !ID.matcher(dataset).matches()) {
      throw new IllegalArgumentException("invalid dataset id '" + dataset
          + "': lower-case letters, digits, '-' and '_', at most 63");
    }
    return dataset;
  }
}
