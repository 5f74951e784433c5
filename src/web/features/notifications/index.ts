// The notifications feature's public face (issue 17 §2): the citizen's inbox and channels, the administrator's outbox and templates.
export * from './pages';
export { ChannelsCard } from './ChannelsCard';
