package io.featureviz.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * s3proxy and its own copies of Jackson, Guava, Logback and the cloud SDKs, loaded in a class loader of their own.
 * On a service's classpath they would clash with Quarkus's versions, so the bundle travels inside this module's
 * jar and only {@link S3ProxyServer} touches it, by reflection.
 */
final class S3ProxyBundle {

  private static final String RESOURCE = "s3proxy/s3proxy.jar";
  private static final String LOGGING = "s3proxy/logback.xml";
  private static ClassLoader loader;

  private S3ProxyBundle() {}

  /** The bundle's class loader, made once per JVM. */
  static synchronized ClassLoader classLoader() {
    if (loader == null) {
      loader = new BundleClassLoader(bundleUrl());
    }
    return loader;
  }

  /** A file URL of the bundle: as it is when running from target/classes, else copied out of our jar. */
  private static URL bundleUrl() {
    URL resource = S3ProxyBundle.class.getResource(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(RESOURCE + " is missing next to " + S3ProxyBundle.class.getName()
          + ": build the devstack module with Maven, which copies it there");
    }
    if ("file".equals(resource.getProtocol())) {
      return resource;
    }
    try (InputStream in = resource.openStream()) {
      Path copy = Files.createTempFile("fv-s3proxy-", ".jar");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + RESOURCE, e);
    }
  }

  /** Sees only the JDK and the bundle, and our Logback configuration instead of the bundle's. */
  private static final class BundleClassLoader extends URLClassLoader {

    BundleClassLoader(URL bundle) {
      super(new URL[] {bundle}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    public URL getResource(String name) {
      return "logback.xml".equals(name) ? S3ProxyBundle.class.getResource(LOGGING) : super.getResource(name);
    }
  }
}
