// The Project 06 dashboard feature's public face: other features import only this file.
export * from './pages';
