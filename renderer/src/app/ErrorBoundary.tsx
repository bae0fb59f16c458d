import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

/**
 * Keeps a rendering bug in one screen from blanking the whole window. React offers error
 * boundaries only as class components, hence the one class in the renderer.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" style={{ margin: 16 }}>
        <MessageBarBody>
          <MessageBarTitle>This screen hit a problem</MessageBarTitle>
          {this.state.error.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
