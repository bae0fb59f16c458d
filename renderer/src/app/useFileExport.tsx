import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/callApi';
import { formatNumber } from './format';

/** A file the app wrote where the person chose (the contract's WrittenFile). */
interface WrittenFile {
  path: string;
  rows: number;
}

/**
 * Runs an export that asks the main process for a path and writes there, and shows what came
 * of it: the rows written and where, or why it failed. A cancelled dialog (null) says nothing.
 */
export function useFileExport(): { exportFile(write: () => Promise<WrittenFile | null>): Promise<void>; exportMessage: ReactNode } {
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  return {
    async exportFile(write) {
      try {
        const written = await write();
        if (written) setMessage({ intent: 'success', text: `Wrote ${formatNumber(written.rows)} rows to ${written.path}` });
      } catch (error) {
        setMessage({ intent: 'error', text: messageOf(error) });
      }
    },
    exportMessage: message && (
      <MessageBar intent={message.intent} data-testid="export-message">
        <MessageBarBody>{message.text}</MessageBarBody>
      </MessageBar>
    ),
  };
}
