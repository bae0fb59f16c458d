import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

/** A refused action's message, announced to screen readers, until dismissed. */
export function ErrorBar({ message, onDismiss, className }: { message: string; onDismiss: () => void; className?: string }) {
  return (
    <MessageBar intent="error" className={className} role="alert">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
