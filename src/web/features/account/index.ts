// The the staff account page feature's public face: other features import only this file.
export * from './pages';
