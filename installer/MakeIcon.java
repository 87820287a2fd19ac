import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws LatentLab's desktop icon (a spike raster turning into a smooth latent trajectory) with plain
 * Java2D, so the icon needs no image tools. Regenerate with:
 * <pre>java installer/MakeIcon.java installer/latentlab.png</pre>
 */
public final class MakeIcon {
    private MakeIcon() {
    }

    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        // Background: rounded square, dark blue gradient.
        RoundRectangle2D bg = new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1E, 0x33, 0x52), size, size, new Color(0x0D, 0x17, 0x26)));
        g.fill(bg);
        g.setClip(bg);

        // Spike raster on the left: short ticks in rows, denser where the latent curve is high.
        Random rnd = new Random(7);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int rows = 9;
        for (int r = 0; r < rows; r++) {
            double y = 44 + r * 20.0;
            for (int x = 28; x < 120; x += 4) {
                double rate = 0.12 + 0.25 * Math.sin(x / 18.0 + r * 0.7) * Math.sin(x / 18.0 + r * 0.7);
                if (rnd.nextDouble() < rate) {
                    float a = (float) Math.max(0.15, 1.0 - (x - 28) / 110.0);
                    g.setColor(new Color(0.75f, 0.82f, 0.92f, a));
                    g.drawLine(x, (int) y - 6, x, (int) y + 6);
                }
            }
        }

        // Latent trajectory: a smooth damped spiral (a 2-D latent state) in two colours.
        Path2D.Double path = new Path2D.Double();
        int n = 400;
        for (int i = 0; i <= n; i++) {
            double t = i / (double) n;
            double ang = 5.5 * Math.PI * t;
            double rad = 70 * (1 - 0.85 * t);
            double x = 150 + rad * Math.cos(ang) + 14 * (1 - t);
            double y = 128 + rad * 0.85 * Math.sin(ang);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x2E, 0xC4, 0xB6, 70));
        g.draw(path);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(new GradientPaint(60, 60, new Color(0x2E, 0xC4, 0xB6), 200, 200, new Color(0xFF, 0x9F, 0x1C)));
        g.draw(path);

        // The fixed point the trajectory settles on.
        g.setColor(new Color(0xFF, 0x9F, 0x1C));
        double fx = 150 + 70 * 0.15 * Math.cos(5.5 * Math.PI);
        double fy = 128 + 70 * 0.15 * 0.85 * Math.sin(5.5 * Math.PI);
        g.fillOval((int) fx - 9, (int) fy - 9, 18, 18);

        g.dispose();
        File out = new File(args.length > 0 ? args[0] : "latentlab.png");
        ImageIO.write(img, "png", out);
        System.out.println("wrote " + out + " (" + size + "x" + size + ")");
    }
}
