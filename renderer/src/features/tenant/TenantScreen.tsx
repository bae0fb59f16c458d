import { Badge, Body1, Caption1, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { ErrorBar } from '../../app/ErrorBar';
import { PageHeader } from '../../app/PageHeader';
import type { TenantFact } from '../../../../electron/contract/wizard';
import { formatDateTime } from '../../app/format';
import { ActorField } from '../wizard/ActorField';
import { useWizardStore } from '../wizard/wizardStore';
import { FactInput } from './FactInput';
import { useTenantStore } from './tenantStore';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, overflow: 'auto', padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}` },
  table: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  meaning: { display: 'block', color: tokens.colorNeutralForeground3, maxWidth: '440px' },
  // Rule ids are long single words: let them break rather than widen the table.
  rules: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
});

const LEAD =
  'The facts about the tenant that the readiness rules and the migration wizard read. Values typed here are recorded with your name and the time, and written to the audit log.';

/** Where a fact's value came from, in words the customer can check. */
export function FactSource({ fact }: { fact: TenantFact }) {
  if (fact.source === 'typed') return <Body1>Typed by {fact.setBy} on {fact.setAt ? formatDateTime(fact.setAt) : 'an unknown date'}</Body1>;
  if (fact.source === 'import') return <Badge appearance="tint" color="informative">From an import</Badge>;
  if (fact.source === 'demo') return <Badge appearance="tint" color="warning">Demo data</Badge>;
  return <Badge appearance="outline" color="informative">Not known yet</Badge>;
}

/** Every tenant fact the rules and the wizard read: its value, where it came from, editable. */
export function TenantScreen() {
  const styles = useStyles();
  const { facts, error, set, dismissError } = useTenantStore();
  const actor = useWizardStore((state) => state.actor);

  useEffect(() => {
    void useTenantStore.getState().load();
  }, []);

  return (
    <section className={styles.page} aria-labelledby="tenant-title" data-testid="tenant">
      <PageHeader id="tenant-title" title="Tenant" lead={LEAD}>
        <ActorField />
      </PageHeader>
      {error && <ErrorBar message={error} onDismiss={dismissError} />}
      {facts === null ? (
        <Spinner label="Loading the tenant facts…" />
      ) : (
        <Table className={styles.table} aria-label="Tenant facts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '31%' }}>Fact</TableHeaderCell>
              <TableHeaderCell style={{ width: '30%' }}>Value</TableHeaderCell>
              <TableHeaderCell style={{ width: '20%' }}>Where it came from</TableHeaderCell>
              <TableHeaderCell>Read by</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {facts.map((fact) => (
              <TableRow key={fact.key} data-testid={`fact-${fact.key}`}>
                <TableCell className={styles.cell}>
                  <Text weight="semibold">{fact.label}</Text>
                  <Caption1 className={styles.meaning}>{fact.meaning}</Caption1>
                </TableCell>
                <TableCell className={styles.cell}>
                  {/* Keyed by value: a save elsewhere (a wizard question) resets the draft. */}
                  <FactInput key={fact.value ?? ''} fact={fact} label={fact.label} onSave={(value) => set(fact.key, value, actor)} />
                </TableCell>
                <TableCell className={styles.cell}>
                  <FactSource fact={fact} />
                </TableCell>
                <TableCell className={styles.cell}>
                  <Caption1 className={styles.rules}>{fact.rules.join(' ') || '—'}</Caption1>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
