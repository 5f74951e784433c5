import { Component, type ReactNode } from 'react';
import { Notice } from './plain';

interface Props {
  title: string;
  text: string;
  reloadLabel: string;
  /** Changes when the user navigates, so a failed page does not stay failed on the next one. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: string;
}

/**
 * Catches a page that fails to render or to load (e.g. a chunk missing after an update)
 * and offers to reload, instead of leaving a blank screen. Plain (no antd): the citizen's light
 * frame uses it as well as the signed-in frame.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Notice
        type="warning"
        role="alert"
        title={this.props.title}
        description={this.props.text}
        action={
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            {this.props.reloadLabel}
          </button>
        }
      />
    );
  }
}
