package io.featureviz.devstack;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Properties;

/** One s3proxy HTTP server over a filesystem blob store, driven by reflection into {@link S3ProxyBundle}. */
final class S3ProxyServer {

  private final Object blobStore;
  private final Object proxy;

  S3ProxyServer(Path baseDir, int port, String accessKey, String secretKey) {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", baseDir.toString());
    p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
    p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    p.setProperty("s3proxy.identity", accessKey);
    p.setProperty("s3proxy.credential", secretKey);
    ClassLoader loader = S3ProxyBundle.classLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader); // the bundle finds its service providers through it
    try {
      blobStore = loader.loadClass("org.gaul.s3proxy.BlobStores")
          .getMethod("create", String.class, Properties.class)
          .invoke(null, "filesystem-nio2", p);
      Class<?> builderType = loader.loadClass("org.gaul.s3proxy.S3Proxy$Builder");
      Object builder = builderType.getMethod("fromProperties", Properties.class).invoke(null, p);
      builder = builderType.getMethod("blobStore", loader.loadClass("org.gaul.s3proxy.blobstore.BlobStore"))
          .invoke(builder, blobStore);
      proxy = builderType.getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not set up s3proxy on port " + port, unwrap(e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  void start() {
    call(proxy, "start");
  }

  void stop() {
    call(proxy, "stop");
  }

  void createBucket(String bucket) {
    try {
      boolean exists = (boolean) blobStore.getClass().getMethod("containerExists", String.class)
          .invoke(blobStore, bucket);
      if (!exists) {
        blobStore.getClass().getMethod("createContainer", String.class).invoke(blobStore, bucket);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not create bucket " + bucket, unwrap(e));
    }
  }

  private static void call(Object target, String method) {
    try {
      target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("s3proxy " + method + " failed", unwrap(e));
    }
  }

  private static Throwable unwrap(ReflectiveOperationException e) {
    return e instanceof InvocationTargetException ite ? ite.getCause() : e;
  }
}
