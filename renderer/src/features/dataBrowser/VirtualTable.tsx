import { Button, MessageBar, MessageBarBody, Skeleton, SkeletonItem, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { usePagedRows, type Page } from './usePagedRows';

export interface Column<Row> {
  readonly key: string;
  readonly label: string;
  readonly width: string;
  readonly sortable?: boolean;
  render(row: Row): ReactNode;
}

export interface SortState {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

const ROW_HEIGHT = 36;

const useStyles = makeStyles({
  frame: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  table: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  header: { display: 'grid', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3 },
  headerCell: { justifyContent: 'flex-start', fontWeight: tokens.fontWeightSemibold, minWidth: 0, padding: `0 ${tokens.spacingHorizontalS}`, height: '36px', borderRadius: 0 },
  staticHeader: { display: 'flex', alignItems: 'center', fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalS}` },
  scroller: { flex: 1, minHeight: 0, overflow: 'auto', position: 'relative' },
  row: { display: 'grid', position: 'absolute', left: 0, right: 0, alignItems: 'center', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover } },
  activatable: { cursor: 'pointer', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
  cell: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase300 },
  footer: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** A virtualized, server-paged table: only visible rows are in the DOM, only viewed pages in memory. */
export function VirtualTable<Row>(props: {
  columns: readonly Column<Row>[];
  fetchPage: (offset: number, limit: number) => Promise<Page<Row>>;
  queryKey: string;
  sort: SortState;
  onSort: (column: string) => void;
  label: string;
  noun: string;
  /** Makes rows focusable and clickable (Enter or click), e.g. to open a detail pane. */
  onRowActivate?: (row: Row) => void;
}) {
  const styles = useStyles();
  const { total, error, rowAt, ensureRange } = usePagedRows(props.fetchPage, props.queryKey);
  const scroller = useRef<HTMLDivElement>(null);
  const template = props.columns.map((column) => column.width).join(' ');
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [props.queryKey]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.frame}>
      <div className={styles.table} role="table" aria-label={props.label} aria-rowcount={total === null ? undefined : total + 1}>
      <div role="rowgroup">
      <div className={styles.header} style={{ gridTemplateColumns: template }} role="row">
        {props.columns.map((column) => {
          const active = props.sort.column === column.key;
          return column.sortable ? (
            <Button
              key={column.key}
              role="columnheader"
              appearance="subtle"
              className={styles.headerCell}
              aria-sort={active ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              icon={active ? props.sort.direction === 'asc' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular /> : undefined}
              iconPosition="after"
              onClick={() => props.onSort(column.key)}
            >
              {column.label}
            </Button>
          ) : (
            <div key={column.key} role="columnheader" className={styles.staticHeader}>
              {column.label}
            </div>
          );
        })}
      </div>
      </div>
      <div ref={scroller} role="rowgroup" className={styles.scroller} tabIndex={0} aria-label={`${props.label}, scrollable`} data-testid="virtual-scroller">
        <div style={{ height: virtualizer.getTotalSize() }} role="presentation">
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={mergeClasses(styles.row, props.onRowActivate && styles.activatable)}
                style={{ gridTemplateColumns: template, top: item.start, height: item.size }}
                tabIndex={props.onRowActivate && row ? 0 : undefined}
                onClick={props.onRowActivate && row ? () => props.onRowActivate!(row) : undefined}
                onKeyDown={
                  props.onRowActivate && row
                    ? (event) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          props.onRowActivate!(row);
                        }
                      }
                    : undefined
                }
              >
                {props.columns.map((column) => (
                  <div key={column.key} role="cell" className={mergeClasses(styles.cell)}>
                    {row ? (
                      column.render(row)
                    ) : (
                      <Skeleton aria-label="Loading">
                        <SkeletonItem size={12} />
                      </Skeleton>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      </div>
      <div className={styles.footer} aria-live="polite" data-testid="table-footer">
        {total === null ? 'Loading…' : `${total.toLocaleString('en-US')} ${total === 1 ? props.noun.replace(/s$/, '') : props.noun}`}
      </div>
    </div>
  );
}
