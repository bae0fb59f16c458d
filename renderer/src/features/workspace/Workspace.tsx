import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DataBarVerticalRegular, DocumentPdfRegular, ShieldErrorRegular, TableRegular, TaskListLtrRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { SnapshotSummary } from '../../../../electron/contract/api';
import { DataBrowser } from '../dataBrowser/DataBrowser';
import { FindingsScreen } from '../findings/FindingsScreen';
import { OverviewScreen } from '../overview/OverviewScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { PlannedSection } from './PlannedSection';
import { useNavigationStore, type Section } from './navigationStore';

const useStyles = makeStyles({
  layout: { flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '220px 1fr' },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
  },
  content: { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column' },
});

const SECTIONS: { id: Section; label: string; icon: ReactElement }[] = [
  { id: 'overview', label: 'Overview', icon: <DataBarVerticalRegular /> },
  { id: 'wizard', label: 'Migration wizard', icon: <TaskListLtrRegular /> },
  { id: 'findings', label: 'Findings', icon: <ShieldErrorRegular /> },
  { id: 'data', label: 'Data browser', icon: <TableRegular /> },
  { id: 'reports', label: 'Reports', icon: <DocumentPdfRegular /> },
];

export function Workspace({ snapshot }: { snapshot: SnapshotSummary }) {
  const styles = useStyles();
  const { section, go } = useNavigationStore();
  return (
    <div className={styles.layout}>
      <nav className={styles.nav} aria-label="Sections">
        <TabList vertical selectedValue={section} onTabSelect={(_event, data) => go(data.value as Section)} size="large">
          {SECTIONS.map((entry) => (
            <Tab key={entry.id} value={entry.id} icon={entry.icon}>
              {entry.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <div className={styles.content}>
        {section === 'overview' && <OverviewScreen key={snapshot.path} />}
        {section === 'data' && <DataBrowser key={snapshot.path} />}
        {section === 'wizard' && (
          <PlannedSection
            title="Migration wizard"
            description="The phases of the migration, from inventory to validation, as a resumable checklist with sign-offs. Progress is saved in the snapshot."
            items={['Phase 0 — Inventory and snapshot', 'Phase 1 — Intune Data Importer', 'Phase 2 — Prepare Intune', 'Phase 3 — Mixed authority, pilot users', 'Phase 4 — Further waves and userless devices', 'Phase 5 — Change the tenant MDM authority', 'Phase 6 — Post-change tasks', 'Phase 7 — Validation']}
          />
        )}
        {section === 'findings' && <FindingsScreen key={snapshot.path} />}
        {section === 'reports' && <ReportsScreen key={snapshot.path} />}
      </div>
    </div>
  );
}
