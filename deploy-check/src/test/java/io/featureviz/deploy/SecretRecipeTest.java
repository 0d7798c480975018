package io.featureviz.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.deploy.Manifests.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Secret every manifest reads is created whole by the documented recipes: a key missing from
 * them leaves the pods that need it in CreateContainerConfigError.
 */
class SecretRecipeTest {

  private static final Path README = Repo.ROOT.resolve("deploy/README.md");
  private static final Path SECRET_EXAMPLE = Repo.K8S.resolve("base/secret.example.yaml");

  /** A shell line continuation, in a comment block too. */
  private static final Pattern CONTINUATION = Pattern.compile("\\\\\\n[ \\t]*(#[ \\t]*)?");
  private static final Pattern CREATE = Pattern.compile("create secret generic (\\S+)(.*)");
  private static final Pattern LITERAL = Pattern.compile("--from-literal=([A-Za-z0-9._-]+)=");

  /** A recipe: the Secret's name and the keys it creates. */
  private record Recipe(Path file, String name, Set<String> keys) {}

  @Test
  void recipesCreateEveryKeyTheManifestsRead() {
    Set<String> read = secretKeysRead();
    assertFalse(read.isEmpty());
    List<Recipe> recipes = new ArrayList<>(recipes(README));
    recipes.addAll(recipes(SECRET_EXAMPLE));
    assertFalse(recipes(README).isEmpty(), "deploy/README.md has no kubectl create secret recipe");
    for (Recipe recipe : recipes) {
      assertEquals(secretName(), recipe.name(), Repo.ROOT.relativize(recipe.file()) + ": name");
      assertEquals(read, recipe.keys(), Repo.ROOT.relativize(recipe.file())
          + ": the recipe's keys are not those secretKeyRef reads");
    }
  }

  @Test
  void exampleSecretListsEveryKeyTheManifestsRead() {
    Set<String> listed = new TreeSet<>();
    example().path("stringData").fieldNames().forEachRemaining(listed::add);
    assertEquals(secretKeysRead(), listed, "keys of secret.example.yaml");
  }

  /** Every key any container of any manifest reads through secretKeyRef. */
  private static Set<String> secretKeysRead() {
    Set<String> keys = new TreeSet<>();
    for (Container c : Manifests.containers()) {
      for (JsonNode e : c.spec().path("env")) {
        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
        if (ref.isObject()) {
          assertEquals(secretName(), ref.path("name").asText(), c.toString());
          keys.add(ref.path("key").asText());
        }
      }
    }
    return keys;
  }

  /** Every {@code kubectl create secret generic} command in a file, continuations joined. */
  private static List<Recipe> recipes(Path file) {
    List<Recipe> recipes = new ArrayList<>();
    Matcher create = CREATE.matcher(CONTINUATION.matcher(Repo.read(file)).replaceAll(" "));
    while (create.find()) {
      Set<String> keys = new TreeSet<>();
      Matcher literal = LITERAL.matcher(create.group(2));
      while (literal.find()) {
        keys.add(literal.group(1));
      }
      recipes.add(new Recipe(file, create.group(1), keys));
    }
    return recipes;
  }

  private static JsonNode example() {
    return Repo.documents(SECRET_EXAMPLE).get(0);
  }

  private static String secretName() {
    return example().path("metadata").path("name").asText();
  }
}
