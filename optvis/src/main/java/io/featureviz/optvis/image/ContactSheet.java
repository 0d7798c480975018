package io.featureviz.optvis.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** A labelled grid of PNG tiles, e.g. a panel of units and their visualizations. */
public final class ContactSheet {

  /** One tile: a caption and the PNG bytes of its image. */
  public record Tile(String caption, byte[] png) {}

  private static final int GAP = 8;
  private static final int CAPTION_HEIGHT = 18;

  private ContactSheet() {}

  public static byte[] render(List<Tile> tiles, int columns, int tileSize) {
    if (tiles.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("a contact sheet needs tiles and columns >= 1");
    }
    int cols = Math.min(columns, tiles.size());
    int rows = (tiles.size() + cols - 1) / cols;
    int cellH = tileSize + CAPTION_HEIGHT;
    BufferedImage sheet = new BufferedImage(cols * (tileSize + GAP) + GAP,
        rows * (cellH + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics metrics = g.getFontMetrics();
      for (int i = 0; i < tiles.size(); i++) {
        int x = GAP + (i % cols) * (tileSize + GAP);
        int y = GAP + (i / cols) * (cellH + GAP);
        g.drawImage(decode(tiles.get(i).png()), x, y, tileSize, tileSize, null);
        g.setColor(Color.DARK_GRAY);
        g.drawString(fit(tiles.get(i).caption(), metrics, tileSize), x,
            y + tileSize + metrics.getAscent() + 2);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(sheet, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding to memory failed", e);
    }
    return out.toByteArray();
  }

  private static BufferedImage decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new IllegalArgumentException("tile is not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode tile", e);
    }
  }

  private static String fit(String caption, FontMetrics metrics, int width) {
    String text = caption;
    while (text.length() > 1 && metrics.stringWidth(text) > width) {
      text = text.substring(0, text.length() - 2) + "…";
    }
    return text;
  }
}
