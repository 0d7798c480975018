package io.featureviz.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaLibrariesTest {

  @TempDir
  Path root;

  @Test
  void librariesAreFoundInLdLibraryPathAndInTheLinkersIncludedConfig() throws IOException {
    Path cuda = Files.createDirectories(root.resolve("cuda/lib64"));
    Path cudnn = Files.createDirectories(root.resolve("cudnn"));
    Files.createFile(cuda.resolve("libcudart.so.12"));
    Files.createFile(cudnn.resolve("libcudnn.so.8"));
    Path conf = root.resolve("ld.so.conf");
    Files.writeString(conf, "include ld.so.conf.d/*.conf\n");
    Files.createDirectories(root.resolve("ld.so.conf.d"));
    Files.writeString(root.resolve("ld.so.conf.d/cuda.conf"), "# CUDA\n" + cuda + "\n");

    List<Path> path = CudaLibraries.linkerPath(Optional.of(cudnn + ":"), conf);
    List<String> missing = CudaLibraries.missing(path);

    assertEquals(List.of(cudnn, cuda), path.subList(0, 2));
    assertTrue(!missing.contains("libcudart.so.12") && !missing.contains("libcudnn.so.8"),
        missing.toString());
    assertTrue(missing.contains("libcublas.so.12"), missing.toString());
  }

  @Test
  void withNoConfigOnlyTheSystemFoldersAreSearched() {
    List<Path> path = CudaLibraries.linkerPath(Optional.empty(), root.resolve("absent.conf"));

    assertTrue(path.contains(Path.of("/usr/lib/x86_64-linux-gnu")), path.toString());
  }
}
