package org.patientedu.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Loopback ports for the servers the tests start (nodes, embedded PostgreSQL). Test classes run two
 * at a time, and the kernel may offer a port just closed to a second caller before the first has
 * bound it; so a port is handed out once per test JVM.
 */
public final class FreePorts {

  /** Every port handed out (guarded by the class's lock). */
  private static final Set<Integer> GIVEN = new HashSet<>();

  private FreePorts() {}

  /** A port free now and never handed out before in this JVM. */
  public static synchronized int next() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
