import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  tableHeaderCellClassNames,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { describeRemovedRows, type DateOrder, type ImportedFile } from '../../../../electron/contract/imports';
import { JobProgress } from '../../app/JobProgress';
import { formatNumber } from '../../app/format';
import { RejectedRows } from './RejectedRows';
import { useImportStore } from './importStore';

const useStyles = makeStyles({
  surface: { maxWidth: '920px', width: '92vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  // A header cell lays its label out in a flex button: text-align does not reach it.
  numberHeader: { [`& .${tableHeaderCellClassNames.button}`]: { justifyContent: 'flex-end' } },
  problem: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  fileName: { wordBreak: 'break-all' },
});

const STATUS_BADGES = {
  imported: <Badge color="success" appearance="tint">Imported</Badge>,
  failed: <Badge color="danger" appearance="tint">Failed</Badge>,
  not_imported: <Badge color="subtle" appearance="tint">Not imported</Badge>,
} as const;

/** Review → progress → result, in one dialog. Opened by File > Import exports…, the button, or a drop. */
export function ImportDialog() {
  const styles = useStyles();
  const { phase, files, progress, outcome, error, dateOrders, pendingRemoval, setDateOrder, choose, remove, start, cancel, close } = useImportStore();
  const [showRejectionsOf, setShowRejectionsOf] = useState<ImportedFile | null>(null);
  const importable = files.filter((file) => !file.error);
  const dateQuestions = importable.filter((file) => file.dateOrderQuestion !== null);
  const unanswered = dateQuestions.filter((file) => !dateOrders[file.path]).length;
  const removedTotal = (pendingRemoval ?? []).reduce((sum, entry) => sum + entry.rows, 0);
  const running = phase === 'running';

  return (
    <Dialog open modalType={running ? 'alert' : 'modal'} onOpenChange={(_event, data) => !data.open && !running && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{phase === 'done' ? 'Import result' : running ? 'Importing…' : 'Import exports'}</DialogTitle>
          <DialogContent className={styles.content}>
            {error && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {phase === 'inspecting' && <Spinner label="Reading the files…" />}

            {(phase === 'review' || running) && (
              <>
                <Body1>Each file's kind is detected from its content. Nothing is written until you import, and then all files go in together or not at all.</Body1>
                <Table size="small" aria-label="Files to import">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>File</TableHeaderCell>
                      <TableHeaderCell>Detected kind</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>Rows</TableHeaderCell>
                      <TableHeaderCell aria-label="Remove" />
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {files.map((file) => (
                      <TableRow key={file.path}>
                        <TableCell className={styles.fileName} title={file.path}>
                          {file.displayName}
                        </TableCell>
                        <TableCell>
                          {file.error ? <span className={styles.problem}>{file.error.message}</span> : file.kindLabel}
                          {file.decidedBy.length > 0 && (
                            <Caption1 block className={styles.muted}>
                              Recognised by {file.decidedBy.join(', ')}
                            </Caption1>
                          )}
                        </TableCell>
                        <TableCell className={styles.number}>
                          {file.error ? '—' : formatNumber(file.rows)}
                          {!file.error && file.malformedRows > 0 && (
                            <Caption1 block align="end" className={styles.problem}>
                              {formatNumber(file.malformedRows)} malformed
                            </Caption1>
                          )}
                        </TableCell>
                        <TableCell>
                          <Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={`Remove ${file.displayName}`} disabled={running} onClick={() => remove(file.path)} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {files.some((file) => file.error) && <Caption1 className={styles.problem}>Files that cannot be read are left out of the import.</Caption1>}
                {importable.some((file) => file.malformedRows > 0) && (
                  <Caption1>Malformed rows (more or fewer fields than the header, a required cell blank) are not imported; the result lists each one with its line.</Caption1>
                )}
                {dateQuestions.map((file) => (
                  <Field
                    key={file.path}
                    required
                    label={`How does ${file.displayName} write its dates? "${file.dateOrderQuestion}" could be either, and no date in the file settles it.`}
                  >
                    <RadioGroup
                      layout="horizontal"
                      aria-label={`Date order of ${file.displayName}`}
                      value={dateOrders[file.path] ?? ''}
                      disabled={running}
                      onChange={(_event, data) => setDateOrder(file.path, data.value as DateOrder)}
                    >
                      <Radio value="dmy" label="Day first (day/month/year)" />
                      <Radio value="mdy" label="Month first (month/day/year)" />
                    </RadioGroup>
                  </Field>
                ))}
                {importable.flatMap((file) =>
                  file.notes.map((note) => (
                    <MessageBar key={`${file.path}:${note}`} intent="warning">
                      <MessageBarBody>
                        <MessageBarTitle>{file.displayName}</MessageBarTitle>
                        {note}
                      </MessageBarBody>
                    </MessageBar>
                  )),
                )}
                {pendingRemoval && (
                  <MessageBar intent="warning" role="alert" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>
                        {formatNumber(removedTotal)} {removedTotal === 1 ? 'row' : 'rows'} from the previous import would be removed
                      </MessageBarTitle>
                      The new exports no longer list {describeRemovedRows(pendingRemoval, formatNumber)}. Remove them only if the new exports are complete; nothing has changed yet.
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}

            {running && <JobProgress progress={progress} label="Import progress" />}

            {phase === 'done' && outcome && (
              <>
                <MessageBar intent={outcome.committed ? 'success' : outcome.cancelled ? 'warning' : 'error'}>
                  <MessageBarBody>
                    {outcome.committed
                      ? 'The snapshot now holds these files.'
                      : outcome.cancelled
                        ? 'The import was cancelled; the snapshot was not changed.'
                        : 'Nothing was imported: a file failed, and the snapshot was left as it was.'}
                  </MessageBarBody>
                </MessageBar>
                <Table size="small" aria-label="Import result">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>File</TableHeaderCell>
                      <TableHeaderCell>Result</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>Accepted</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>Rejected</TableHeaderCell>
                      <TableHeaderCell className={styles.numberHeader}>Warnings</TableHeaderCell>
                      <TableHeaderCell aria-label="Rejected rows" />
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {outcome.files.map((file) => (
                      <TableRow key={file.path}>
                        <TableCell className={styles.fileName} title={file.path}>
                          {file.displayName}
                          {file.error && (
                            <>
                              <br />
                              <Caption1 className={styles.problem}>{file.error.message}</Caption1>
                            </>
                          )}
                        </TableCell>
                        <TableCell>{STATUS_BADGES[file.status]}</TableCell>
                        <TableCell className={styles.number}>{formatNumber(file.rowsAccepted)}</TableCell>
                        <TableCell className={styles.number}>{formatNumber(file.rowsRejected)}</TableCell>
                        <TableCell className={styles.number}>{formatNumber(file.warnings)}</TableCell>
                        <TableCell>
                          {file.batchId !== null && file.rowsRejected + file.warnings > 0 && (
                            <Button size="small" onClick={() => setShowRejectionsOf(file)}>
                              Show rows
                            </Button>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {showRejectionsOf?.batchId && <RejectedRows key={showRejectionsOf.batchId} batchId={showRejectionsOf.batchId} fileName={showRejectionsOf.displayName} />}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {phase === 'inspecting' && (
              // A modal needs something focusable while the files are read, or it hides itself from assistive tech.
              <Button appearance="secondary" onClick={close}>
                Cancel
              </Button>
            )}
            {phase === 'review' && (
              <>
                <Button icon={<AddRegular />} onClick={() => void choose()}>
                  Add files…
                </Button>
                <Button appearance="secondary" onClick={close}>
                  Cancel
                </Button>
                {pendingRemoval ? (
                  <Button appearance="primary" onClick={() => void start(true)}>
                    Remove {formatNumber(removedTotal)} {removedTotal === 1 ? 'row' : 'rows'} and import
                  </Button>
                ) : (
                  <Button appearance="primary" disabled={importable.length === 0 || unanswered > 0} onClick={() => void start()}>
                    Import {importable.length} {importable.length === 1 ? 'file' : 'files'}
                  </Button>
                )}
              </>
            )}
            {running && (
              <Button appearance="secondary" onClick={() => void cancel()}>
                Cancel import
              </Button>
            )}
            {phase === 'done' && (
              <Button appearance="primary" onClick={close}>
                Close
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
