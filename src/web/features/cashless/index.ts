// The cashless payment statistics, import and facilities feature's public face: other features import only this file.
export * from './pages';
