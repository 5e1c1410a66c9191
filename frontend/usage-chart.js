// <vps-usage-chart>: a time-series line chart on ECharts, driven by org.vpspanel.ui.UsageChart.
// Only the parts of ECharts a line chart needs are imported, to keep the bundle small.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

class UsageChart extends HTMLElement {
  constructor() {
    super();
    // The data lives here, not only in ECharts, so that the chart survives being moved in the DOM.
    this.unit = '';
    this.windowMillis = 0;
    this.series = [];
  }

  connectedCallback() {
    // Public so that tests (and the browser console) can read what the chart shows.
    this.chart = echarts.init(this, null, { renderer: 'canvas' });
    this.resizeObserver = new ResizeObserver(() => this.chart.resize());
    this.resizeObserver.observe(this);
    this.render();
  }

  disconnectedCallback() {
    this.resizeObserver.disconnect();
    this.chart.dispose();
    this.chart = undefined;
  }

  /** Replaces all series: [{name, points: [{time: epochMillis, value}]}]; the unit labels the y axis. */
  setSeries(unit, windowMillis, series) {
    this.unit = unit;
    this.windowMillis = windowMillis;
    this.series = series.map((s) => ({ name: s.name, data: s.points.map((p) => [p.time, p.value]) }));
    this.render();
  }

  /** Adds a point at the end of a series and drops what fell out of the time window before it. */
  appendPoint(seriesName, time, value) {
    const series = this.series.find((s) => s.name === seriesName);
    series.data.push([time, value]);
    if (this.windowMillis > 0) {
      series.data = series.data.filter(([t]) => t >= time - this.windowMillis);
    }
    this.render();
  }

  render() {
    if (!this.chart) {
      return;
    }
    // With a window, the time axis spans exactly it, ending at the newest point, so that a few points sit where
    // they belong in the hour (or day, or month) instead of being stretched across the whole width.
    const newest = Math.max(0, ...this.series.flatMap((s) => s.data.map(([t]) => t)));
    const windowed = this.windowMillis > 0 && newest > 0;
    this.chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${value} ${this.unit}` },
      xAxis: { type: 'time', min: windowed ? newest - this.windowMillis : null, max: windowed ? newest : null },
      yAxis: { type: 'value', name: this.unit },
      series: this.series.map((s) => ({ name: s.name, type: 'line', showSymbol: s.data.length < 3, data: s.data })),
    }, { replaceMerge: ['series'] });
  }
}

customElements.define('vps-usage-chart', UsageChart);
