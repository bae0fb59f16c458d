import { Badge } from '@fluentui/react-components';
import type { Severity } from '../../../../electron/contract/findings';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  blocker: 'Blocker',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

const SEVERITY_COLORS = { blocker: 'danger', high: 'severe', medium: 'warning', low: 'informative', info: 'subtle' } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge appearance="filled" color={SEVERITY_COLORS[severity]} shape="rounded">
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export const DECISION_LABELS = { accepted_risk: 'Accepted risk', resolved_outside: 'Resolved outside the tool' } as const;
