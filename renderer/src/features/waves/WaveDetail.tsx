import { Badge, Body1, Button, Caption1, Card, Field, Input, SearchBox, Select, Subtitle2, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, PeopleAddRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Wave, WaveDeviceRow, WaveUserRow } from '../../../../electron/contract/wizard';
import { PLATFORM_LABELS, type Platform } from '../../../../electron/contract/labels';
import { callApi } from '../../api/callApi';
import { FormDialog } from '../../app/FormDialog';
import { formatDate, formatDateTime, formatNumber, toLocalInput } from '../../app/format';
import { VirtualTable, type Column, type SortState } from '../dataBrowser/VirtualTable';
import { CheckList, openFinding, type CheckActions } from '../wizard/CheckList';
import { useWizardStore } from '../wizard/wizardStore';
import { WAVE_STATE_LABELS, useWavesStore, type WaveTab } from './wavesStore';

const useStyles = makeStyles({
  detail: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  state: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginLeft: 'auto' },
  filters: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // Long option texts (rule titles) must not widen the fields past the pane.
  filter: { width: '170px', minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  search: { width: '220px' },
  tableArea: { flex: 1, minHeight: '240px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  split: { flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)', gridTemplateRows: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL },
  remediations: { overflow: 'auto', padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  subtle: { color: tokens.colorNeutralForeground3 },
  checklist: { overflow: 'auto', padding: tokens.spacingHorizontalL },
  flush: { margin: 0 },
});

// Wave lists come in the core's fixed order (UPN, device name): nothing to sort by.
const FIXED_SORT: SortState = { column: '', direction: 'asc' };
const noSort = () => undefined;

function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform as Platform] ?? platform;
}

const USER_BASE_COLUMNS: Column<WaveUserRow>[] = [
  { key: 'upn', label: 'User principal name', width: 'minmax(220px, 2fr)', render: (row) => row.userPrincipalName ?? '—' },
  { key: 'name', label: 'Display name', width: 'minmax(150px, 1.4fr)', render: (row) => row.displayName ?? '—' },
  {
    key: 'licence',
    label: 'Intune licence',
    width: '130px',
    render: (row) => (row.licensed ? 'Licensed' : <Badge appearance="tint" color="danger">Unlicensed</Badge>),
  },
  { key: 'devices', label: 'Devices', width: '80px', render: (row) => row.deviceCount },
];

const NAME_COLUMN: Column<WaveDeviceRow> = { key: 'name', label: 'Device name', width: 'minmax(130px, 1.4fr)', render: (row) => row.name ?? '—' };
const PLATFORM_COLUMN: Column<WaveDeviceRow> = { key: 'platform', label: 'Platform', width: '100px', render: (row) => platformLabel(row.platform) };
const USER_COLUMN: Column<WaveDeviceRow> = {
  key: 'user',
  label: 'Primary user',
  width: 'minmax(150px, 1.5fr)',
  render: (row) => row.userPrincipalName ?? <Badge appearance="tint" color="danger">No primary user</Badge>,
};

const MOVING_COLUMNS: Column<WaveDeviceRow>[] = [
  NAME_COLUMN,
  PLATFORM_COLUMN,
  { key: 'serial', label: 'Serial number', width: '140px', render: (row) => row.serialNumber ?? '—' },
  USER_COLUMN,
  { key: 'enrollment', label: 'Enrollment type', width: 'minmax(130px, 1fr)', render: (row) => row.enrollmentType ?? '—' },
  { key: 'checkIn', label: 'Last check-in', width: '110px', render: (row) => (row.lastCheckIn ? formatDate(row.lastCheckIn) : '—') },
];

// Narrower, next to the remediation pane: what identifies the device and why it stays.
const NOT_MOVING_COLUMNS: Column<WaveDeviceRow>[] = [
  NAME_COLUMN,
  PLATFORM_COLUMN,
  USER_COLUMN,
  { key: 'reason', label: 'Kept back by', width: 'minmax(150px, 1fr)', render: (row) => (row.reason ? <Badge appearance="tint" color="warning">{row.reason}</Badge> : '—') },
];

/** Users matching the filters and in no wave yet, added one by one or all at once. */
function AddUsers({ wave }: { wave: Wave }) {
  const styles = useStyles();
  const { options, filter, setFilter, act, revision } = useWavesStore();
  const actor = useWizardStore((state) => state.actor);
  const [search, setSearch] = useState(filter.search ?? '');
  const deferredSearch = useDeferredValue(search);
  const [matching, setMatching] = useState<number | null>(null);
  const query = useMemo(() => ({ ...filter, search: deferredSearch || undefined, wave: 'none' as const }), [filter, deferredSearch]);
  const planned = wave.state === 'planned';

  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await callApi('waves.users', { ...query, offset, limit });
      setMatching(page.total);
      return { total: page.total, rows: [...page.rows] };
    },
    [query],
  );
  const columns = useMemo<Column<WaveUserRow>[]>(
    () => [
      ...USER_BASE_COLUMNS,
      {
        key: 'add',
        label: 'Add',
        width: '90px',
        render: (row) => (
          <Button size="small" icon={<AddRegular />} disabled={!planned} aria-label={`Add ${row.userPrincipalName ?? row.id} to ${wave.name}`} onClick={() => void act(() => callApi('waves.addUsers', { waveId: wave.id, userIds: [row.id], by: actor }))}>
            Add
          </Button>
        ),
      },
    ],
    [act, actor, planned, wave.id, wave.name],
  );

  return (
    <div className={styles.tableArea}>
      <div className={styles.filters}>
        <Field label="Collection" className={styles.filter}>
          <Select className={styles.select} value={filter.collectionId ?? ''} onChange={(_event, data) => setFilter({ ...filter, collectionId: data.value || undefined })}>
            <option value="">Any collection</option>
            {options?.collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name} ({formatNumber(collection.members)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Platform" className={styles.filter}>
          <Select className={styles.select} value={filter.platform ?? ''} onChange={(_event, data) => setFilter({ ...filter, platform: data.value || undefined })}>
            <option value="">Any platform</option>
            {options?.platforms.map((platform) => (
              <option key={platform} value={platform}>
                {platformLabel(platform)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Licence" className={styles.filter}>
          <Select className={styles.select} value={filter.licence ?? ''} onChange={(_event, data) => setFilter({ ...filter, licence: (data.value || undefined) as 'licensed' | 'unlicensed' | undefined })}>
            <option value="">Any licence state</option>
            <option value="licensed">Licensed for Intune</option>
            <option value="unlicensed">Not licensed</option>
          </Select>
        </Field>
        <Field label="Finding" className={styles.filter}>
          <Select className={styles.select} value={filter.rule ?? ''} onChange={(_event, data) => setFilter({ ...filter, rule: data.value || undefined })}>
            <option value="">Any or no finding</option>
            {options?.rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.id}: {rule.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Search" className={styles.search}>
          <SearchBox value={search} placeholder="UPN or name" onChange={(_event, data) => setSearch(data.value)} />
        </Field>
        <Button
          appearance="primary"
          icon={<PeopleAddRegular />}
          disabled={!planned || !matching}
          onClick={() => void act(() => callApi('waves.addUsers', { waveId: wave.id, filter: { ...query, wave: undefined }, by: actor }))}
        >
          Add {matching === null ? '' : formatNumber(matching)} matching
        </Button>
      </div>
      <VirtualTable
        columns={columns}
        fetchPage={fetchPage}
        queryKey={`add|${wave.id}|${JSON.stringify(query)}|${revision}`}
        sort={FIXED_SORT}
        onSort={noSort}
        label="Users in no wave yet"
        noun="users"
      />
    </div>
  );
}

function Members({ wave }: { wave: Wave }) {
  const styles = useStyles();
  const { act, revision } = useWavesStore();
  const actor = useWizardStore((state) => state.actor);
  const fetchPage = useCallback(async (offset: number, limit: number) => {
    const page = await callApi('waves.users', { wave: wave.id, offset, limit });
    return { total: page.total, rows: [...page.rows] };
  }, [wave.id]);
  const columns = useMemo<Column<WaveUserRow>[]>(
    () => [
      ...USER_BASE_COLUMNS,
      {
        key: 'remove',
        label: 'Remove',
        width: '100px',
        render: (row) => (
          <Button size="small" icon={<DeleteRegular />} disabled={wave.state !== 'planned'} aria-label={`Remove ${row.userPrincipalName ?? row.id} from ${wave.name}`} onClick={() => void act(() => callApi('waves.removeUsers', { waveId: wave.id, userIds: [row.id], by: actor }))}>
            Remove
          </Button>
        ),
      },
    ],
    [act, actor, wave.id, wave.name, wave.state],
  );
  return (
    <div className={styles.tableArea}>
      <VirtualTable columns={columns} fetchPage={fetchPage} queryKey={`members|${wave.id}|${revision}`} sort={FIXED_SORT} onSort={noSort} label={`Users in ${wave.name}`} noun="users" />
    </div>
  );
}

/** Devices that move with the wave's users, or those that do not, each with the rule that keeps it and what to do. */
function Devices({ wave, moving }: { wave: Wave; moving: boolean }) {
  const styles = useStyles();
  const revision = useWavesStore((state) => state.revision);
  const [remediations, setRemediations] = useState<Record<string, { title: string; remediation: readonly string[] }>>({});
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await callApi('waves.devices', { waveId: wave.id, moving, offset, limit });
      if (!moving) setRemediations((previous) => ({ ...previous, ...page.remediations }));
      return { total: page.total, rows: [...page.rows] };
    },
    [wave.id, moving],
  );
  const table = (
    <VirtualTable
      columns={moving ? MOVING_COLUMNS : NOT_MOVING_COLUMNS}
      fetchPage={fetchPage}
      queryKey={`devices|${wave.id}|${moving}|${revision}`}
      sort={FIXED_SORT}
      onSort={noSort}
      label={moving ? `Devices that move with ${wave.name}` : `Devices of ${wave.name} that do not move`}
      noun="devices"
    />
  );
  if (moving) return <div className={styles.tableArea}>{table}</div>;
  return (
    <div className={styles.split}>
      <div className={styles.tableArea}>{table}</div>
      <Card className={styles.remediations} aria-label="Remediation">
        <Subtitle2 as="h3" className={styles.flush}>
          What to do with them
        </Subtitle2>
        {Object.keys(remediations).length === 0 && <Body1 className={styles.subtle}>Nothing keeps this wave&apos;s devices back.</Body1>}
        {Object.entries(remediations).map(([rule, entry]) => (
          <div key={rule} data-remediation={rule}>
            <Text weight="semibold">
              {rule}: {entry.title}
            </Text>
            <ul className={styles.list}>
              {entry.remediation.map((line) => (
                <li key={line}>
                  <Caption1>{line}</Caption1>
                </li>
              ))}
            </ul>
            <Button appearance="transparent" size="small" onClick={() => openFinding(rule)}>
              Open the finding
            </Button>
          </div>
        ))}
      </Card>
    </div>
  );
}

/** planned → moved (at a time) → verified; back to planned to correct a mistake. */
function WaveState({ wave }: { wave: Wave }) {
  const styles = useStyles();
  const act = useWavesStore((state) => state.act);
  const actor = useWizardStore((state) => state.actor);
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  const setState = (state: Wave['state'], time?: string) => void act(() => callApi('waves.setState', { waveId: wave.id, state, at: time, by: actor }));
  return (
    <div className={styles.state}>
      <Badge appearance="tint" color={wave.state === 'planned' ? 'informative' : wave.state === 'moved' ? 'brand' : 'success'} shape="rounded">
        {WAVE_STATE_LABELS[wave.state]}
      </Badge>
      {wave.movedAt && <Caption1>Moved {formatDateTime(wave.movedAt)}</Caption1>}
      {wave.verifiedAt && <Caption1>· verified {formatDateTime(wave.verifiedAt)}</Caption1>}
      {wave.state === 'planned' && (
        <>
          <Field label="Moved at">
            <Input type="datetime-local" value={at} onChange={(_event, data) => setAt(data.value)} />
          </Field>
          <Button appearance="primary" disabled={wave.userCount === 0} onClick={() => setState('moved', new Date(at).toISOString())}>
            Mark as moved
          </Button>
        </>
      )}
      {wave.state === 'moved' && (
        <Button appearance="primary" onClick={() => setState('verified')}>
          Mark as verified
        </Button>
      )}
      {wave.state !== 'planned' && <Button onClick={() => setState('planned')}>Back to planned</Button>}
    </div>
  );
}

export function WaveDetail({ wave }: { wave: Wave }) {
  const styles = useStyles();
  const { tab, setTab, checklist, act } = useWavesStore();
  const [deleting, setDeleting] = useState(false);
  const facts = useWizardStore((state) => state.facts);
  const checkActions = useMemo<CheckActions>(
    () => ({
      tick: (checkId, by, note) => act(() => callApi('waves.tick', { waveId: wave.id, checkId, by, note })),
      untick: (checkId) => act(() => callApi('waves.untick', { waveId: wave.id, checkId, by: useWizardStore.getState().actor })),
    }),
    [act, wave.id],
  );
  return (
    <section className={styles.detail} aria-labelledby="wave-title" data-testid="wave-detail">
      <div className={styles.header}>
        <Subtitle2 as="h2" id="wave-title" className={styles.flush}>
          {wave.name}
        </Subtitle2>
        {wave.isPilot && (
          <Badge appearance="filled" color="brand">
            Pilot
          </Badge>
        )}
        <Caption1>{formatNumber(wave.userCount)} users</Caption1>
        <WaveState wave={wave} />
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setDeleting(true)}>
          Delete wave…
        </Button>
      </div>
      {deleting && (
        <FormDialog
          title={`Delete ${wave.name}?`}
          submitLabel="Delete wave"
          canSubmit
          onSubmit={() => act(() => callApi('waves.delete', { waveId: wave.id, by: useWizardStore.getState().actor }))}
          onClose={() => setDeleting(false)}
        >
          <Body1>Its {formatNumber(wave.userCount)} users return to no wave; its checklist ticks are deleted. The deletion is audited.</Body1>
        </FormDialog>
      )}
      <TabList selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value as WaveTab)}>
        <Tab value="add">Add users</Tab>
        <Tab value="members">Users in the wave</Tab>
        <Tab value="moving">Devices that move</Tab>
        <Tab value="notMoving">Devices that do not move</Tab>
        <Tab value="checklist">Checklist</Tab>
      </TabList>
      {tab === 'add' && <AddUsers wave={wave} />}
      {tab === 'members' && <Members wave={wave} />}
      {tab === 'moving' && <Devices key="moving" wave={wave} moving />}
      {tab === 'notMoving' && <Devices key="notMoving" wave={wave} moving={false} />}
      {tab === 'checklist' && (
        <Card className={styles.checklist}>
          {checklist ? <CheckList checks={checklist} facts={facts} actions={checkActions} label={`Checklist of ${wave.name}`} /> : <Caption1>Loading the checklist…</Caption1>}
        </Card>
      )}
    </section>
  );
}
