// Who keeps a name in an export: roster actors in a public or organised role, never private
// citizens, even when a roster lists a resident by name; names only by explicit choice.
import { describe, expect, it } from 'vitest';
import { exportNode, pseudonym } from '../../../src/core/export/privacy';

describe('exportNode', () => {
  it('keeps the names of roster public servants, groups and volunteers, without contact details', () => {
    const out = exportNode(
      {
        id: 'ps-1',
        label: 'Dr Priya Patel',
        type: 'public-servant',
        onRoster: true,
        attrs: { email: 'p@x.org', team: 'Riverside' },
      },
      false,
    );
    expect(out.label).toBe('Dr Priya Patel');
    expect(out.attrs).toEqual({ team: 'Riverside' });
  });

  it('pseudonymises a resident even when the roster lists them by name', () => {
    const out = exportNode(
      {
        id: 'res-7',
        label: 'Sue Smith',
        type: 'resident',
        onRoster: true,
        attrs: { name: 'Sue Smith', email: 's@x.org' },
      },
      false,
    );
    expect(out.label).toBe(`Resident ${pseudonym('res-7')}`);
    expect(JSON.stringify(out)).not.toContain('Sue');
    expect(JSON.stringify(out)).not.toContain('s@x.org');
    expect(out.pseudonymised).toBe(true);
  });

  it('keeps an off-roster respondent by type and pseudonym, and names them only when asked', () => {
    const node = {
      id: 'r-R_12',
      label: 'Service user 12',
      type: 'service-user',
      onRoster: false,
      attrs: { Name: 'Tom Jones' },
    };
    expect(exportNode(node, false).label).toBe('Service user 12');
    expect(exportNode(node, false).attrs).toEqual({});
    expect(exportNode(node, true).label).toBe('Tom Jones');
  });
});
