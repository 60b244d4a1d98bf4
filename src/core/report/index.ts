// Public surface of the report: one self-contained HTML file from a pipeline result.
export { buildReport, fmtNum, type ReportOptions, type ReportSource } from './build';
export { REPORT_CSS } from './styles';
