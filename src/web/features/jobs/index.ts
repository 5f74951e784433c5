// The job queue feature's public face (issue 17 §1): other features import only this file.
export * from './pages';
