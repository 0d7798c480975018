package io.featureviz.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: a free one on request, or whether a given one can be bound. */
final class FreePort {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private FreePort() {}

  /** A port that was free a moment ago; the node binds it right after, so races are rare on a dev box. */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** {@code port}, or a free one when it is 0. */
  static int orPick(int port) {
    return port == 0 ? pick() : port;
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
