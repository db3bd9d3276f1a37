package cloud.consolesensei.report;

import java.util.List;

import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;

/**
 * The colours every chart of the workbook draws with. Each series gets an explicit colour (a chart
 * whose series carry none is drawn from the theme, and LibreOffice draws it empty when the package
 * has no theme). The colours are Okabe and Ito's palette for colour-blind readers, ordered so
 * that neighbours differ in lightness as well as hue (stacked columns stay apart when printed in
 * grey); line series also differ in dash and marker, so they stay apart without any colour.
 */
public final class ChartPalette {

    /** RGB colours, in the order series take them. */
    static final List<byte[]> COLOURS = List.of(
            rgb(0x00, 0x72, 0xB2), // blue
            rgb(0xE6, 0x9F, 0x00), // orange
            rgb(0x00, 0x9E, 0x73), // bluish green
            rgb(0xCC, 0x79, 0xA7), // reddish purple
            rgb(0x56, 0xB4, 0xE9), // sky blue
            rgb(0xD5, 0x5E, 0x00), // vermillion
            rgb(0xF0, 0xE4, 0x42), // yellow
            rgb(0x33, 0x33, 0x33)); // near black

    private static final List<PresetLineDash> DASHES = List.of(PresetLineDash.SOLID, PresetLineDash.DASH,
            PresetLineDash.SYSTEM_DOT, PresetLineDash.DASH_DOT, PresetLineDash.LARGE_DASH);

    private static final List<MarkerStyle> MARKERS = List.of(MarkerStyle.CIRCLE, MarkerStyle.SQUARE,
            MarkerStyle.TRIANGLE, MarkerStyle.DIAMOND, MarkerStyle.X);

    /** Line width of a line series, in points. */
    private static final double LINE_POINTS = 2.25;

    private ChartPalette() {
    }

    /** The {@code i}-th colour (cycling), as RGB bytes. */
    public static byte[] colour(int i) {
        return COLOURS.get(Math.floorMod(i, COLOURS.size())).clone();
    }

    /**
     * Gives every series of {@code data} its colour, in order: a solid fill with a thin white edge for
     * columns and areas; for lines a solid-coloured line of {@value #LINE_POINTS} pt with its own dash
     * and a marker of the same colour. Call before the chart is plotted.
     */
    public static void apply(XDDFChartData data) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            XDDFChartData.Series series = data.getSeries(i);
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(colour(i)));
            XDDFShapeProperties shape = new XDDFShapeProperties();
            if (series instanceof XDDFLineChartData.Series line) {
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(LINE_POINTS);
                stroke.setPresetDash(new XDDFPresetLineDash(DASHES.get(i % DASHES.size())));
                shape.setLineProperties(stroke);
                line.setShapeProperties(shape);
                line.setSmooth(false);
                line.setMarkerStyle(MARKERS.get(i % MARKERS.size()));
                markerColour(line, fill);
            } else {
                shape.setFillProperties(fill);
                XDDFLineProperties edge = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.WHITE)));
                edge.setWidth(0.75);
                shape.setLineProperties(edge);
                series.setShapeProperties(shape);
            }
        }
    }

    /** The marker takes the series colour too, or renderers fall back to their own. */
    private static void markerColour(XDDFLineChartData.Series line, XDDFSolidFillProperties fill) {
        var ct = line.getCTLineSer();
        var marker = ct.isSetMarker() ? ct.getMarker() : ct.addNewMarker();
        XDDFShapeProperties props = new XDDFShapeProperties();
        props.setFillProperties(fill);
        props.setLineProperties(new XDDFLineProperties(fill));
        marker.setSpPr(props.getXmlObject());
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }
}
