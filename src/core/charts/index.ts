// Public surface of the charts: pure functions from data and options to an SVG string, plus palettes.
export * from './palette';
export { histogram, type HistogramOptions } from './histogram';
export { radar, wrap, type RadarOptions, type RadarSeries } from './radar';
export { intervalPlot, type IntervalPlotOptions, type IntervalRow } from './interval-plot';
export { importanceMatrix, QUADRANT_LABELS, type MatrixOptions, type MatrixPoint } from './matrix';
export { slopeChart, spreadLabels, SLOPE_COLOURS, type SlopeOptions, type SlopeRow } from './slope';
export { networkMap, type MapEdge, type MapNode, type NetworkMapOptions } from './network-map';
export { barChart, type BarChartOptions, type BarRow } from './bars';
export { FONT_FAMILY, type ChartBase } from './svg';
