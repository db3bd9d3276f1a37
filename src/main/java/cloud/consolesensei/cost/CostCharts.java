package cloud.consolesensei.cost;

import cloud.consolesensei.report.ChartPalette;
import cloud.consolesensei.report.ReportWorkbook;

import java.util.List;
import javax.xml.namespace.QName;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTOverlap;

/**
 * Charts of the Costs sheet in a streaming (SXSSF) workbook. {@code SXSSFDrawing} cannot create
 * charts, but the drawing part belongs to the XSSF sheet behind the streaming one, which can; and
 * because the streamed rows are no longer in memory, each series carries its values as a literal
 * cache plus the formula of the cells they came from (Excel re-reads the cells when it opens the
 * file). Rows keep streaming: nothing here holds rows.
 */
public final class CostCharts {

    /** Where a chart sits: rows and columns of its top-left and (exclusive) bottom-right corners. */
    public record Area(int row1, int col1, int row2, int col2) {
    }

    private CostCharts() {
    }

    /**
     * A stacked column chart: one series per row {@code seriesRows.get(i)} (title in column 0,
     * values from column {@code firstCol}), categories from the header row {@code headerRow}.
     */
    static void stackedColumns(ReportWorkbook wb, SXSSFSheet sheet, String title, Area area, int headerRow,
                               int firstCol, List<String> categories, List<Integer> seriesRows,
                               List<String> seriesTitles, List<List<Double>> values) {
        XSSFChart chart = chart(wb, sheet, title, area);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        int lastCol = firstCol + categories.size() - 1;
        XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(categories.toArray(String[]::new),
                CostsSheet.ref(headerRow, firstCol, headerRow, lastCol));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.STACKED);
        data.setVaryColors(false);
        for (int i = 0; i < seriesRows.size(); i++) {
            int r = seriesRows.get(i);
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(
                    values.get(i).toArray(Double[]::new), CostsSheet.ref(r, firstCol, r, lastCol));
            XDDFChartData.Series series = data.addSeries(cats, vals);
            series.setTitle(seriesTitles.get(i), new CellReference(CostsSheet.SHEET, r, 0, true, true));
        }
        ChartPalette.apply(data);
        chart.plot(data);
        fullOverlap(chart);
    }

    /**
     * Stacked columns need {@code <c:overlap val="100"/>} or Excel draws them side by side, offset.
     * XDDF's setOverlap needs a schema type that poi-ooxml-lite does not ship, so the attribute is
     * written as text.
     */
    private static void fullOverlap(XSSFChart chart) {
        CTBarChart bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
        CTOverlap overlap =
                bar.isSetOverlap() ? bar.getOverlap() : bar.addNewOverlap();
        try (XmlCursor c = overlap.newCursor()) {
            c.setAttributeText(new QName("val"), "100");
        }
    }

    /**
     * A line chart of one column: labels from column {@code labelCol}, values from column
     * {@code valueCol}, rows {@code firstRow} onwards.
     */
    static void line(ReportWorkbook wb, SXSSFSheet sheet, String title, Area area, int firstRow, int labelCol,
                     int valueCol, List<String> labels, List<Double> values) {
        XSSFChart chart = chart(wb, sheet, title, area);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        int lastRow = firstRow + labels.size() - 1;
        XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(labels.toArray(String[]::new),
                CostsSheet.ref(firstRow, labelCol, lastRow, labelCol));
        XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(values.toArray(Double[]::new),
                CostsSheet.ref(firstRow, valueCol, lastRow, valueCol));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        data.setVaryColors(false);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(cats, vals);
        series.setTitle("Total cost", null);
        series.setSmooth(false);
        ChartPalette.apply(data);
        series.setMarkerStyle(MarkerStyle.NONE);
        chart.plot(data);
    }

    /** An empty chart with its title and a legend on the right, anchored at {@code area} of a streaming sheet. */
    public static XSSFChart chart(ReportWorkbook wb, SXSSFSheet sheet, String title, Area area) {
        sheet.createDrawingPatriarch();
        XSSFDrawing drawing = wb.poi().getXSSFWorkbook().getSheet(sheet.getSheetName()).createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, area.col1(), area.row1(), area.col2(), area.row2());
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        return chart;
    }
}
