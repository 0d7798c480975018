package io.featureviz.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip archive (an upload, a zipped model), refusing anything that could write outside the target folder
 * (absolute or escaping names, symbolic links) or fill the disk (too many entries, too many bytes:
 * the bytes are counted as they are written, since the sizes an archive declares can lie).
 */
public final class ZipUnpacker {

  private final int maxEntries;
  private final long maxUnpackedBytes;
  private final Function<String, ? extends RuntimeException> refusal;

  /**
   * @param refusal the exception answering a refused archive, given why (e.g. "zip archive
   *     refused: it holds 3 entries, more than 2"): each caller names its own field or file
   */
  public ZipUnpacker(int maxEntries, long maxUnpackedBytes,
      Function<String, ? extends RuntimeException> refusal) {
    this.maxEntries = maxEntries;
    this.maxUnpackedBytes = maxUnpackedBytes;
    this.refusal = refusal;
  }

  public void unpack(Path zip, Path target) {
    try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
      List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
      if (entries.size() > maxEntries) {
        throw rejected("it holds " + entries.size() + " entries, more than " + maxEntries);
      }
      long unpacked = 0;
      for (ZipArchiveEntry entry : entries) {
        Path destination = destination(target, entry);
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          try (InputStream in = archive.getInputStream(entry);
              OutputStream out =
                  Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
            unpacked = copy(in, out, unpacked);
          }
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw rejected("it holds an entry twice: " + target.relativize(Path.of(e.getFile())));
    } catch (IOException e) {
      throw rejected("it is not a readable zip archive (" + e.getMessage() + ")");
    }
  }

  private Path destination(Path target, ZipArchiveEntry entry) {
    String name = entry.getName();
    if (entry.isUnixSymlink()) {
      throw rejected("entry '" + name + "' is a symbolic link");
    }
    if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
      throw rejected("entry '" + name + "' has an absolute or non-portable path");
    }
    Path destination = target.resolve(name).normalize();
    if (!destination.startsWith(target) || destination.equals(target)) {
      throw rejected("entry '" + name + "' points outside the archive's folder");
    }
    return destination;
  }

  private long copy(InputStream in, OutputStream out, long unpackedBefore) throws IOException {
    long unpacked = unpackedBefore;
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      unpacked += n;
      if (unpacked > maxUnpackedBytes) {
        throw rejected("it unpacks to more than " + maxUnpackedBytes + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return unpacked;
  }

  private RuntimeException rejected(String reason) {
    return refusal.apply("zip archive refused: " + reason);
  }
}
