// The sector-data feature's public face: other features import only this file.
export * from './pages';
