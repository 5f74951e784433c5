// The portal feature's public face: the front door a visitor lands on.
export * from './pages';
