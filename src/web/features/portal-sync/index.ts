// The national-portal sync feature's public face (issue 17 §4): other features import only this file.
export * from './pages';
