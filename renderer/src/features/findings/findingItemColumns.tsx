import { Badge, Button, Tooltip } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { FindingItem } from '../../../../electron/contract/findings';
import { PLATFORM_LABELS, type Platform } from '../../../../electron/contract/labels';
import { formatDate } from '../../app/format';
import type { Column } from '../dataBrowser/VirtualTable';
import { DECISION_LABELS } from './severity';

/** The item shape whose `type` admits T (the Apple token items share one shape for three types). */
type ItemOf<T extends FindingItem['type']> = FindingItem extends infer I ? (I extends { type: infer K } ? (T extends K ? I : never) : never) : never;

/** Columns per item type; every list ends with why the item is listed and its decision. */
export function findingItemColumns(itemType: string | null, onDecide: (item: FindingItem) => void): Column<FindingItem>[] {
  const detail: Column<FindingItem> = {
    key: 'detail',
    label: 'Why it is listed',
    width: 'minmax(150px, 1.6fr)',
    render: (item) => (item.detail ? <Tooltip content={item.detail} relationship="description"><span>{item.detail}</span></Tooltip> : '—'),
  };
  const decision: Column<FindingItem> = {
    key: 'decision',
    label: 'Decision',
    width: '130px',
    render: (item) =>
      item.decision ? (
        <Button appearance="transparent" size="small" onClick={() => onDecide(item)} title={`${item.decision.note} — ${item.decision.decidedBy}`}>
          <Badge appearance="tint" color={item.decision.decision === 'accepted_risk' ? 'warning' : 'success'}>
            {DECISION_LABELS[item.decision.decision]}
          </Badge>
        </Button>
      ) : (
        <Button size="small" onClick={() => onDecide(item)}>
          Decide…
        </Button>
      ),
  };
  const as = <T extends FindingItem['type']>(render: (item: ItemOf<T>) => ReactNode) => (item: FindingItem) => render(item as ItemOf<T>);

  switch (itemType) {
    case 'device':
      return [
        {
          key: 'name',
          label: 'Device',
          width: 'minmax(130px, 1.2fr)',
          sortable: true,
          render: as<'device'>((item) => `${item.name ?? '—'} (${PLATFORM_LABELS[item.platform as Platform] ?? item.platform})`),
        },
        { key: 'serialNumber', label: 'Serial number', width: '120px', sortable: true, render: as<'device'>((item) => item.serialNumber ?? '—') },
        { key: 'userPrincipalName', label: 'Primary user', width: 'minmax(130px, 1.2fr)', sortable: true, render: as<'device'>((item) => item.userPrincipalName ?? '—') },
        detail,
        decision,
      ];
    case 'user':
      return [
        { key: 'userPrincipalName', label: 'User principal name', width: 'minmax(180px, 1.5fr)', sortable: true, render: as<'user'>((item) => item.userPrincipalName ?? '—') },
        { key: 'name', label: 'Name', width: 'minmax(130px, 1fr)', sortable: true, render: as<'user'>((item) => item.name ?? '—') },
        { key: 'onPremisesAccount', label: 'ConfigMgr account', width: 'minmax(140px, 1fr)', sortable: true, render: as<'user'>((item) => item.onPremisesAccount ?? '—') },
        detail,
        decision,
      ];
    case 'collection':
      return [
        { key: 'id', label: 'Collection ID', width: '120px', sortable: true, render: as<'collection'>((item) => item.id) },
        { key: 'name', label: 'Name', width: 'minmax(160px, 1.4fr)', sortable: true, render: as<'collection'>((item) => item.name) },
        { key: 'memberCount', label: 'Members', width: '90px', sortable: true, render: as<'collection'>((item) => item.memberCount ?? '—') },
        detail,
        decision,
      ];
    case 'apnsCertificate':
    case 'depToken':
    case 'vppToken':
      return [
        { key: 'name', label: 'Token', width: 'minmax(160px, 1.4fr)', sortable: true, render: as<'apnsCertificate'>((item) => item.name ?? item.id) },
        { key: 'appleId', label: 'Apple ID', width: 'minmax(150px, 1fr)', render: as<'apnsCertificate'>((item) => item.appleId ?? <Badge color="danger" appearance="tint">Unknown</Badge>) },
        { key: 'expiresAt', label: 'Expires', width: '110px', sortable: true, render: as<'apnsCertificate'>((item) => (item.expiresAt ? formatDate(item.expiresAt) : '—')) },
        detail,
        decision,
      ];
    default:
      return [{ key: 'name', label: 'Item', width: 'minmax(160px, 1fr)', render: (item) => ('name' in item && item.name) || item.key }, detail, decision];
  }
}
