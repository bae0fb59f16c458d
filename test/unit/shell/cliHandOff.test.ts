import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/shell/cliHandOff.js';

describe('the installed app hands --cli to the CLI', () => {
  it('passes everything after --cli, the CLI\'s own flags included', () => {
    expect(cliArguments(['C:\\Apps\\MDM Migration Assistant.exe', '--cli', 'assess', '--db', 'a.mdmsnap', '--json'])).toEqual(['assess', '--db', 'a.mdmsnap', '--json']);
    expect(cliArguments(['/opt/MDM Migration Assistant/mdm-migration-assistant', '--cli', '--help'])).toEqual(['--help']);
  });

  it('finds --cli behind the app folder of a development start', () => {
    expect(cliArguments(['/repo/node_modules/electron/dist/electron', '.', '--cli', 'info', '--db', 'x.mdmsnap'])).toEqual(['info', '--db', 'x.mdmsnap']);
  });

  it('hands over no arguments for a bare --cli, so the CLI prints its help', () => {
    expect(cliArguments(['app', '--cli'])).toEqual([]);
  });

  it('is a normal start without --cli, a snapshot opened from the file manager included', () => {
    expect(cliArguments(['app'])).toBeNull();
    expect(cliArguments(['app', 'engagement.mdmsnap'])).toBeNull();
  });
});
