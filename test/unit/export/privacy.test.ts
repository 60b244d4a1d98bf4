// Who keeps a name in an export: roster actors in a public or organised role, never private
// citizens, even when a roster lists a resident by name; names only by explicit choice.
import { describe, expect, it } from 'vitest';
import { exportNode, privateColumnKind, pseudonym } from '../../../src/core/export/privacy';

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

  it("never exports a contact list's private columns, names asked for or not (trial L)", () => {
    // Outlook, Google Contacts and Mailchimp exports, as evaluators use them for rosters: the
    // home address, birthday, family, identity numbers, notes and location used to reach nodes.csv.
    const attrs = {
      'Home Street': '12 Elm Road',
      'Home City': 'Millbrook',
      'Home Postal Code': 'MB1 2AB',
      Birthday: '1/5/1971',
      Spouse: 'Tom',
      Children: 'Amy, Ben',
      Gender: 'Female',
      'Government ID Number': 'QQ123456C',
      Notes: 'husband chairs the tenants forum',
      OPTIN_IP: '81.2.69.1',
      LATITUDE: '53.48',
      'Mobile Phone': '07700 900123',
      'Business Postal Code': 'MB1 1AA',
      Department: 'Housing',
      'Business City': 'Millbrook',
    };
    const node = { id: 'ps-1', label: 'Fiona MacLeod', type: 'public-servant', onRoster: true, attrs };
    expect(exportNode(node, false).attrs).toEqual({ Department: 'Housing', 'Business City': 'Millbrook' });
    // Names asked for bring back the contact details, never the private ones.
    expect(exportNode(node, true).attrs).toEqual({
      'Mobile Phone': '07700 900123',
      'Business Postal Code': 'MB1 1AA',
      Department: 'Housing',
      'Business City': 'Millbrook',
    });
    expect(privateColumnKind('Home Street')).toBe('sensitive');
    expect(privateColumnKind('Mobile Phone')).toBe('contact');
    expect(privateColumnKind("Children's services")).toBeNull();
    expect(privateColumnKind('Ward')).toBeNull();
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
