// The pilot models feature's public face (target 14): other features import only this file.
export * from './pages';
