package org.patientedu.fhirserver;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;

/** An attacker's upload: a large body declared, then trickled 64 kB every 100 ms. */
final class SlowUpload {

  private SlowUpload() {}

  /**
   * Sends until the body is complete or {@code attacking} turns false, then counts the server's
   * status line in {@code answers} ("closed by the server" when it stopped reading).
   */
  static void send(
      ServerProcess server,
      boolean withToken,
      int declaredBytes,
      AtomicBoolean attacking,
      Map<String, AtomicInteger> answers) {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /fhir/Basic HTTP/1.1\r\nHost: localhost\r\n"
                  + (withToken
                      ? "Authorization: Bearer " + RunningServerTest.EDITOR_TOKEN + "\r\n"
                      : "")
                  + "Content-Type: application/fhir+json\r\nContent-Length: "
                  + declaredBytes
                  + "\r\n\r\n")
              .getBytes(ISO_8859_1));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      int sent = 0;
      while (attacking.get() && sent + chunk.length < declaredBytes) {
        out.write(chunk);
        sent += chunk.length;
        Thread.sleep(100);
      }
      socket.shutdownOutput();
      String status = new String(socket.getInputStream().readNBytes(12), ISO_8859_1);
      answers.computeIfAbsent(status.strip(), s -> new AtomicInteger()).incrementAndGet();
    } catch (IOException e) {
      // the server closed the connection (it refused from the headers and stopped reading)
      answers.computeIfAbsent("closed by the server", s -> new AtomicInteger()).incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
