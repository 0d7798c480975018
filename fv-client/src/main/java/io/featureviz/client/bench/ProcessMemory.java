package io.featureviz.client.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from {@code /proc/<pid>/status} (VmRSS). */
final class ProcessMemory {

  private ProcessMemory() {}

  /** In MiB; 0 when the process is gone. */
  static long rssMegabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** A process and its descendants together (PostgreSQL's postmaster and its backends). */
  static long treeRssMegabytes(long pid) {
    return ProcessHandle.of(pid).map(p -> rssMegabytes(pid) + p.descendants()
        .mapToLong(d -> rssMegabytes(d.pid())).sum()).orElse(0L);
  }
}
