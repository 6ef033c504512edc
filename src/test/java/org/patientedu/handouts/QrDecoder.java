package org.patientedu.handouts;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a QR code back, as a phone would, with ZXing (not the library that drew it). */
final class QrDecoder {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
  private static final int PIXELS_PER_MODULE = 6;

  private QrDecoder() {}

  static String decode(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
    try {
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
              Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
          .getText();
    } catch (NotFoundException
        | com.google.zxing.ChecksumException
        | com.google.zxing.FormatException e) {
      throw new AssertionError("no readable QR code in the image", e);
    }
  }

  /** Draws the page's inline SVG (one path of unit squares) and reads it. */
  static String decodeSvg(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    if (!box.find()) {
      throw new AssertionError("no viewBox in " + svg);
    }
    int size = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, size, size);
    graphics.setColor(Color.BLACK);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      graphics.fillRect(
          Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE,
          Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE,
          PIXELS_PER_MODULE,
          PIXELS_PER_MODULE);
    }
    graphics.dispose();
    return decode(image);
  }
}
