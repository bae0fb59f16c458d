import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApnsReminder } from '../../../../electron/contract/wizard';
import { callApi } from '../../api/callApi';
import { formatDate } from '../../app/format';
import { TickDialog } from './TickDialog';
import { useSwitchStatusRefresh } from './useSwitchStatus';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({
  // Above every page: the page below scrolls, the banner keeps its height.
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`, paddingBottom: tokens.spacingVerticalS, flexShrink: 0 },
  facts: { display: 'flex', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  rule: { fontWeight: tokens.fontWeightSemibold },
});

const TITLES: Record<NonNullable<ApnsReminder['reason']>, string> = {
  'confirm-after-switch': 'Confirm the APNs certificate under the new authority',
  'expires-soon': 'The APNs certificate expires soon',
  'in-grace-period': 'The APNs certificate has expired: renew it within the grace period',
  expired: 'The APNs certificate has expired and its grace period is over',
};

function expiryText(apns: ApnsReminder): string {
  if (!apns.expiresAt) return 'Expiry: not known';
  const days = apns.daysLeft ?? 0;
  return `Expires ${formatDate(apns.expiresAt)} (${days >= 0 ? `in ${days} day${days === 1 ? '' : 's'}` : `${-days} days ago`})`;
}

/**
 * The app-wide APNs reminder: shown while the core says it is due (after the switch until
 * confirmed, and whenever the certificate expires within 60 days of today on the real clock).
 */
export function ApnsBanner() {
  const styles = useStyles();
  useSwitchStatusRefresh();
  const status = useWizardStore((state) => state.switchStatus);
  const act = useWizardStore((state) => state.act);
  const [confirming, setConfirming] = useState(false);
  const apns = status?.apns;
  if (!apns?.visible || !apns.reason) return null;
  return (
    <>
      <MessageBar intent={apns.reason === 'confirm-after-switch' ? 'warning' : 'error'} layout="multiline" className={styles.banner} data-testid="apns-banner">
        <MessageBarBody>
          <MessageBarTitle>{TITLES[apns.reason]}</MessageBarTitle>
          <div className={styles.facts}>
            <span>Apple ID: {apns.appleId ?? 'not known'}</span>
            <span>Topic: {apns.topic ?? 'not known'}</span>
            <span>{expiryText(apns)}</span>
            {apns.graceEndsAt && (
              <span>
                {apns.graceDays}-day grace period after expiry, until {formatDate(apns.graceEndsAt)}
              </span>
            )}
          </div>
          <span className={styles.rule}>{apns.renewalRule}</span> Sources: {apns.sources.join(', ')}.
          {/* Confirmed yet shown: the certificate expires within 60 days of today again. */}
          {apns.confirmation && (
            <div>
              Last confirmed by {apns.confirmation.by} on {formatDate(apns.confirmation.at)}
              {apns.confirmation.note ? `: ${apns.confirmation.note}` : ''}.
            </div>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setConfirming(true)}>Confirm renewed…</Button>
        </MessageBarActions>
      </MessageBar>
      {confirming && (
        <TickDialog
          purpose="apns"
          label="The APNs certificate is present in Intune and renewed under the new authority, with the same Apple ID."
          onTick={(by, note) => act(() => callApi('wizard.confirmApns', { by, note }))}
          onClose={() => setConfirming(false)}
        />
      )}
    </>
  );
}
