package dev.vitals.benchmarks.soak;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The soak's picture, drawn by JFreeChart: heap after a full GC (MB, left axis) and requests per second (right
 * axis) after each round, over the seconds of the run.
 */
final class SoakPlot {

  private static final double MB = 1024 * 1024;

  private SoakPlot() {
  }

  /**
   * @param report what the soak saw
   * @param title  the chart's title (commit, heap)
   * @param png    the file written, 1000 × 520 pixels
   */
  static void write(Soak.Report report, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeries heap = new XYSeries("heap after full GC (MB)");
    XYSeries rate = new XYSeries("requests/s (wrk, HTTP mix)");
    heap.add(0, report.baseline().heapAfterGc() / MB);
    for (Soak.Sample sample : report.rounds()) {
      heap.add(sample.atSeconds(), sample.heapAfterGc() / MB);
      rate.add(sample.atSeconds(), sample.rate());
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds", "heap after full GC (MB)",
      new XYSeriesCollection(heap));
    XYPlot plot = chart.getXYPlot();
    NumberAxis heapAxis = (NumberAxis) plot.getRangeAxis();
    heapAxis.setLowerBound(0);
    heapAxis.setUpperBound(Math.max(32, heap.getMaxY() * 1.5));
    NumberAxis rateAxis = new NumberAxis("requests/s");
    rateAxis.setLowerBound(0);
    rateAxis.setUpperBound(Math.max(1, rate.getMaxY() * 1.2));
    plot.setRangeAxis(1, rateAxis);
    plot.setDataset(1, new XYSeriesCollection(rate));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(0, renderer(new Color(0x1f77b4)));
    plot.setRenderer(1, renderer(new Color(0xd62728)));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 520);
  }

  private static XYLineAndShapeRenderer renderer(Color color) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, color);
    return renderer;
  }
}
