// Public surface of the export layer: formula-safe CSV, GEXF/GraphML, node/edge lists, project files.
export * from './csv';
export * from './xml';
export * from './privacy';
export * from './graph-formats';
export * from './project';
