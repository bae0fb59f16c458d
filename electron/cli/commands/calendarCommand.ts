import { writeFileSync } from 'node:fs';
import { UserFacingError } from '../../core/errors.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { snapshotCalendar } from '../../core/wizard/index.js';
import type { CliCommand } from '../cliCommand.js';
import { parseFlags, requiredFlag } from '../parseFlags.js';

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'Write the migration deadlines (switch timeline, APNs expiry) as an .ics calendar with alarms',
  usage: 'mdm-migrate calendar --db FILE --out FILE.ics',
  async run(args, io) {
    const { values } = parseFlags(this, args, { db: { type: 'string' }, out: { type: 'string' } });
    const file = requiredFlag(this, values.db, '--db');
    const out = requiredFlag(this, values.out, '--out');
    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      const ics = snapshotCalendar(snapshot, new Date());
      try {
        writeFileSync(out, ics);
      } catch (error) {
        throw new UserFacingError('invalid_input', `${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      }
      const events = ics.split('\r\n').filter((line) => line === 'BEGIN:VEVENT').length;
      io.stdout.write(`Wrote ${out}: ${events} deadline${events === 1 ? '' : 's'}${events < 3 ? ' (record the switch for the rest)' : ''}.\n`);
      return 0;
    } finally {
      snapshot.close();
    }
  },
};
