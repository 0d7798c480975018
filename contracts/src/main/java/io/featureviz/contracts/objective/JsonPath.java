package io.featureviz.contracts.objective;

/** Paths like "objectives[0].terms[1].channel", shared by JSON errors and validation problems. */
final class JsonPath {

  private JsonPath() {}

  static String field(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String element(String parent, String name, int index) {
    return field(parent, name) + "[" + index + "]";
  }
}
