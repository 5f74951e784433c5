// The the citizen's own pages feature's public face: other features import only this file.
export * from './pages';
