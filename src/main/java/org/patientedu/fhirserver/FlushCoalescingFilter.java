package org.patientedu.fhirserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HAPI's JSON writer flushes the servlet writer after almost every element, and each flush sends a
 * chunk to the network: a 7 kB Library went out as 137 chunks, the CapabilityStatement as 30,000,
 * and that, not the database, was most of a read's time. Here flushes during the response are
 * ignored; the container still sends whenever its buffer fills, and everything at the end. A buffer
 * of {@value #BUFFER_BYTES} bytes holds a typical resource whole, so it goes out in one write with
 * a Content-Length.
 */
class FlushCoalescingFilter extends OncePerRequestFilter {

  static final int BUFFER_BYTES = 32 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setBufferSize(BUFFER_BYTES);
    chain.doFilter(request, new FlushIgnoringResponse(response));
  }

  private static final class FlushIgnoringResponse extends HttpServletResponseWrapper {

    private PrintWriter writer;
    private ServletOutputStream outputStream;

    FlushIgnoringResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(
                new FilterWriter(super.getWriter()) {
                  @Override
                  public void flush() {
                    // the container sends when its buffer is full, and at the end
                  }
                });
      }
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (outputStream == null) {
        ServletOutputStream container = super.getOutputStream();
        outputStream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                container.write(b);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                container.write(bytes, offset, length);
              }

              @Override
              public void flush() {
                // as for the writer
              }

              @Override
              public void close() throws IOException {
                container.close();
              }

              @Override
              public boolean isReady() {
                return container.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                container.setWriteListener(listener);
              }
            };
      }
      return outputStream;
    }

    @Override
    public void flushBuffer() {
      // as for the writer: committing early would only split the response
    }
  }
}
