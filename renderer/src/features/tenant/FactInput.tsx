import { Button, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TenantFact } from '../../../../electron/contract/wizard';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  field: { minWidth: '220px', maxWidth: '360px', flex: 1 },
});

/**
 * Edits one tenant fact with the control its type calls for (text, yes/no, date, choice). Used
 * by the Tenant page and by the wizard's questions, which record the same facts.
 */
export function FactInput({ fact, label, onSave }: { fact: TenantFact; label: string; onSave: (value: string) => Promise<boolean> }) {
  const styles = useStyles();
  const [draft, setDraft] = useState(fact.value ?? '');
  const [saving, setSaving] = useState(false);
  const changed = draft !== (fact.value ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    await onSave(draft);
    setSaving(false);
  }

  const choices = fact.type === 'yesno' ? [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] : fact.choices;
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} data-fact={fact.key}>
      {choices ? (
        <Select className={styles.field} aria-label={label} value={draft} onChange={(_event, data) => setDraft(data.value)}>
          <option value="">Not known yet</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          className={styles.field}
          aria-label={label}
          type={fact.type === 'date' ? 'date' : 'text'}
          value={draft}
          placeholder="Not known yet"
          onChange={(_event, data) => setDraft(data.value)}
        />
      )}
      <Button type="submit" appearance={changed ? 'primary' : 'secondary'} disabled={!changed || saving}>
        Save
      </Button>
    </form>
  );
}
