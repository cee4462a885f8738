package vnetdesk.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

import org.testfx.util.WaitForAsyncUtils;

/**
 * A screenshot of several windows as a person sees them — the main window,
 * a dialog over it, a question over that — drawn one over the other at their
 * places on the screen (a headless screen cannot be captured, each scene can).
 */
final class WindowShots {

    private WindowShots() {
    }

    /** Writes {@code windows}, bottom first, into {@code file} (PNG); their union is the picture. */
    static void save(Path file, Window... windows) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<WritableImage> images = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Window w : windows) {
            Scene scene = w.getScene();
            images.add(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get());
            minX = Math.min(minX, w.getX() + scene.getX());
            minY = Math.min(minY, w.getY() + scene.getY());
            maxX = Math.max(maxX, w.getX() + scene.getX() + scene.getWidth());
            maxY = Math.max(maxY, w.getY() + scene.getY() + scene.getHeight());
        }
        BufferedImage png = new BufferedImage((int) Math.ceil(maxX - minX), (int) Math.ceil(maxY - minY),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = png.createGraphics();
        g.setColor(new Color(0x5f, 0x6b, 0x7a));
        g.fillRect(0, 0, png.getWidth(), png.getHeight());
        for (int i = 0; i < windows.length; i++) {
            Window w = windows[i];
            int x = (int) Math.round(w.getX() + w.getScene().getX() - minX);
            int y = (int) Math.round(w.getY() + w.getScene().getY() - minY);
            g.setColor(new Color(0, 0, 0, 60));
            g.fillRect(x + 3, y + 3, (int) images.get(i).getWidth(), (int) images.get(i).getHeight());
            g.drawImage(awt(images.get(i)), x, y, null);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(png, "png", file.toFile());
        System.out.println("screenshot " + file + " " + png.getWidth() + "x" + png.getHeight());
    }

    /** Writes one scene as it is drawn, without a frame, into {@code file} (PNG). */
    static void save(Path file, Scene scene) throws Exception {
        BufferedImage png = awt(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get());
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(png, "png", file.toFile());
        System.out.println("screenshot " + file + " " + png.getWidth() + "x" + png.getHeight());
    }

    private static BufferedImage awt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
