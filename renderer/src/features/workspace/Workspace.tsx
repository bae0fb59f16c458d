import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { BuildingRegular, DataBarVerticalRegular, DocumentPdfRegular, PeopleTeamRegular, ShieldErrorRegular, TableRegular, TaskListLtrRegular } from '@fluentui/react-icons';
import { useEffect, type ReactElement } from 'react';
import type { SnapshotSummary } from '../../../../electron/contract/api';
import { DataBrowser } from '../dataBrowser/DataBrowser';
import { FindingsScreen } from '../findings/FindingsScreen';
import { OverviewScreen } from '../overview/OverviewScreen';
import { TenantScreen } from '../tenant/TenantScreen';
import { resetWaves } from '../waves/wavesStore';
import { WavesScreen } from '../waves/WavesScreen';
import { ApnsBanner } from '../wizard/ApnsBanner';
import { WizardScreen } from '../wizard/WizardScreen';
import { resetWizard } from '../wizard/wizardStore';
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
  { id: 'waves', label: 'Waves', icon: <PeopleTeamRegular /> },
  { id: 'tenant', label: 'Tenant', icon: <BuildingRegular /> },
  { id: 'findings', label: 'Findings', icon: <ShieldErrorRegular /> },
  { id: 'data', label: 'Data browser', icon: <TableRegular /> },
  { id: 'reports', label: 'Reports', icon: <DocumentPdfRegular /> },
];

export function Workspace({ snapshot }: { snapshot: SnapshotSummary }) {
  const styles = useStyles();
  const { section, go } = useNavigationStore();
  // Each snapshot has its own wizard progress and waves; actions are recorded under its consultant by default.
  useEffect(() => {
    resetWizard(snapshot.consultant);
    resetWaves();
  }, [snapshot.path, snapshot.consultant]);
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
        <ApnsBanner key={snapshot.path} />
        {section === 'overview' && <OverviewScreen key={snapshot.path} />}
        {section === 'data' && <DataBrowser key={snapshot.path} />}
        {section === 'wizard' && <WizardScreen key={snapshot.path} />}
        {section === 'waves' && <WavesScreen key={snapshot.path} />}
        {section === 'tenant' && <TenantScreen key={snapshot.path} />}
        {section === 'findings' && <FindingsScreen key={snapshot.path} />}
        {section === 'reports' && (
          <PlannedSection
            title="Reports"
            description="Printable outputs for the customer and the change board."
            items={['Printable migration checklist', 'Migration readiness report (PDF and CSV)']}
          />
        )}
      </div>
    </div>
  );
}
