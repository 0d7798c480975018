package io.featureviz.worker.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CUDA libraries TensorFlow's GPU natives open when they load, and which of them the dynamic
 * linker would not find here. TensorFlow itself only falls back to the CPU when one is missing,
 * so the worker looks them up the way {@code dlopen} does: {@code LD_LIBRARY_PATH}, the folders
 * of {@code /etc/ld.so.conf} and its includes, then the system folders.
 */
final class CudaLibraries {

  /**
   * What the CUDA build of {@code tensorflow-core-native} 1.0.0 (TensorFlow 2.16.2, built for
   * CUDA 12.3 and cuDNN 8.9) opens: the driver, the CUDA runtime, the math libraries and cuDNN.
   */
  static final List<String> REQUIRED = List.of("libcuda.so.1", "libcudart.so.12",
      "libcublas.so.12", "libcublasLt.so.12", "libcufft.so.11", "libcusolver.so.11",
      "libcusparse.so.12", "libcudnn.so.8");

  private static final List<Path> SYSTEM_FOLDERS = Stream.of("/lib/x86_64-linux-gnu",
      "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib").map(Path::of)
      .toList();

  private CudaLibraries() {}

  /** The required libraries that are in none of {@code folders}, in {@link #REQUIRED}'s order. */
  static List<String> missing(List<Path> folders) {
    return REQUIRED.stream()
        .filter(library -> folders.stream().noneMatch(f -> Files.exists(f.resolve(library))))
        .toList();
  }

  /** The folders {@code dlopen} searches, given {@code LD_LIBRARY_PATH} and the linker's config. */
  static List<Path> linkerPath(Optional<String> ldLibraryPath, Path ldSoConf) {
    List<Path> folders = new ArrayList<>();
    ldLibraryPath.stream().flatMap(p -> Stream.of(p.split(":")))
        .filter(p -> !p.isBlank()).map(Path::of).forEach(folders::add);
    folders.addAll(configuredFolders(ldSoConf));
    folders.addAll(SYSTEM_FOLDERS);
    return folders;
  }

  /** The folders a linker config file lists, following its {@code include} lines. */
  private static List<Path> configuredFolders(Path conf) {
    if (!Files.isRegularFile(conf)) {
      return List.of();
    }
    List<Path> folders = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(conf)) {
        String entry = line.replaceFirst("#.*", "").trim();
        if (entry.startsWith("include ")) {
          for (Path included : glob(conf.getParent(), entry.substring("include ".length()).trim())) {
            folders.addAll(configuredFolders(included));
          }
        } else if (!entry.isEmpty()) {
          folders.add(Path.of(entry));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + conf, e);
    }
    return folders;
  }

  /** The files a pattern such as {@code /etc/ld.so.conf.d/*.conf} names, in name order. */
  private static List<Path> glob(Path base, String pattern) throws IOException {
    Path full = base.resolve(pattern);
    Path folder = full.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> matches =
        Files.newDirectoryStream(folder, full.getFileName().toString())) {
      matches.forEach(files::add);
    }
    files.sort(null);
    return files;
  }
}
