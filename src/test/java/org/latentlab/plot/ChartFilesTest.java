package org.latentlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.data.DataException;
import org.w3c.dom.Document;

/** Charts saved as PNG, SVG and PDF: readable files of the asked size that carry the chart's text. */
class ChartFilesTest {
    @TempDir
    Path dir;

    private final JFreeChart chart = Charts.lines("Loss curves", "epoch", "loss", new double[] {0, 1, 2},
            new double[][] {{3, 2, 1.5}}, List.of("member 0"));

    @Test
    void pngHasTheAskedSize() throws Exception {
        Path f = dir.resolve("c.png");
        ChartFiles.save(chart, f, 640, 480);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
    }

    @Test
    void svgIsVectorXmlWithTheTitle() throws Exception {
        Path f = dir.resolve("c.svg");
        ChartFiles.save(chart, f, 640, 480);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The file names the SVG 1.0 DTD; there is no network here, and no need to validate.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("640", doc.getDocumentElement().getAttribute("width"));
        assertTrue(Files.readString(f).contains("Loss curves"));
    }

    @Test
    void pdfIsOnePageOfTheAskedSizeWithTheTitle() throws Exception {
        Path f = dir.resolve("c.pdf");
        ChartFiles.save(chart, f, 640, 480);
        try (PDDocument doc = Loader.loadPDF(f.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(640f, doc.getPage(0).getMediaBox().getWidth(), 0.01f);
            assertEquals(480f, doc.getPage(0).getMediaBox().getHeight(), 0.01f);
            assertTrue(new PDFTextStripper().getText(doc).contains("Loss curves"));
        }
    }

    @Test
    void anUnknownExtensionIsRefusedAndNothingIsWritten() {
        Path f = dir.resolve("c.gif");
        DataException e = assertThrows(DataException.class, () -> ChartFiles.save(chart, f, 640, 480));
        assertTrue(e.getMessage().contains("use .png, .svg or .pdf"), e.getMessage());
        assertTrue(!Files.exists(f));
    }
}
