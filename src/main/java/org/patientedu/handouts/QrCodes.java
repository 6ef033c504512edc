package org.patientedu.handouts;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * The QR code that leads a patient back to the online copy: inline SVG for the web page, a PNG data
 * URI for the PDF (openhtmltopdf draws images without an SVG plug-in).
 */
final class QrCodes {

  /** Quiet zone around the symbol, in modules (the standard asks for 4). */
  private static final int BORDER = 4;

  private static final int PNG_SCALE = 8;

  private QrCodes() {}

  /** A square SVG, black on white, that scales to its box; decorative for screen readers. */
  static String svg(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }

  /** A PNG of the same symbol as a {@code data:} URI. */
  static String pngDataUri(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = (qr.size + BORDER * 2) * PNG_SCALE;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean dark = qr.getModule(x / PNG_SCALE - BORDER, y / PNG_SCALE - BORDER);
        image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }
}
