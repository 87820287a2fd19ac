package org.latentlab.plot;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.latentlab.core.data.AtomicFiles;
import org.latentlab.core.data.DataException;
import org.w3c.dom.Document;

/** Saves charts to PNG (raster), SVG or PDF (vector, for papers), atomically. */
public final class ChartFiles {
    /** The formats a chart can be saved in, by file extension. */
    public enum Format { PNG, SVG, PDF }

    private ChartFiles() {
    }

    /** The format named by a file's extension. */
    public static Format formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw DataException.inFile(out, "unknown chart format (use .png, .svg or .pdf)");
    }

    /** Saves in the format of the file's extension, at {@code width x height} pixels (points for PDF). */
    public static void save(JFreeChart chart, Path out, int width, int height) {
        switch (formatOf(out)) {
            case PNG -> png(chart, out, width, height);
            case SVG -> svg(chart, out, width, height);
            case PDF -> pdf(chart, out, width, height);
        }
    }

    public static void png(JFreeChart chart, Path out, int width, int height) {
        AtomicFiles.write(out, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
    }

    public static void svg(JFreeChart chart, Path out, int width, int height) {
        AtomicFiles.write(out, tmp -> {
            Document doc;
            try {
                doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                        .createDocument("http://www.w3.org/2000/svg", "svg", null);
            } catch (ParserConfigurationException e) {
                throw new IOException("no XML document builder: " + e.getMessage(), e);
            }
            SVGGraphics2D g = new SVGGraphics2D(doc);
            g.setSVGCanvasSize(new Dimension(width, height));
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                g.stream(w, true);
            }
        });
    }

    public static void pdf(JFreeChart chart, Path out, int width, int height) {
        AtomicFiles.write(out, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                doc.addPage(page);
                PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
                // Text as text in the standard PDF fonts (selectable, searchable), not as outlines.
                g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
                g.dispose();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawForm(g.getXFormObject());
                }
                doc.save(tmp.toFile());
            }
        });
    }
}
