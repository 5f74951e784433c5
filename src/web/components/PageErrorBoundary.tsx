import { Component, type ReactNode } from 'react';
import { Alert, Button } from 'antd';

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
 * and offers to reload, instead of leaving a blank screen.
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
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={this.props.title}
        description={this.props.text}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            {this.props.reloadLabel}
          </Button>
        }
      />
    );
  }
}
