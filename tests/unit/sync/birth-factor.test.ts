// The birth-date factor end to end between the real upstream (loopback, SQLite)
// and a kiosk database (fake-indexeddb): the organiser imports a roster with
// 생년월일 on the server, a kiosk pairs and pulls, and the kiosk's private
// lookup finds the person by name + YYMMDD with the server's hash and secret —
// the date itself never reached the kiosk. A later roster without the column
// takes the factor away on the next sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterFactors } from '../../../renderer/storage/second-factor';
import { privateLookup } from '../../../renderer/ui/self/lookup';
import { EVENT_ID, newKiosk, startUpstream, type Upstream } from './harness';

let up: Upstream;
beforeEach(async () => {
  up = await startUpstream(0);
});
afterEach(() => up.close());

const importCsv = async (csv: string) => expect((await up.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { csv })).status).toBe(200);
const birth = (digits: string) => ({ kind: 'birth' as const, digits, eventId: EVENT_ID });

describe('birth-date factor from the server to a paired kiosk', () => {
  it('pulls the hashes and the mark; the lookup matches name + YYMMDD; a roster without the column takes it away', async () => {
    await importCsv(['code,name,company,생년월일', 'G-1,한가람,새한정밀,1987. 11. 23.', 'G-2,한가람,대성테크,19790515', 'G-3,서누리,한빛,1987-11-23'].join('\n'));
    const k = await newKiosk(up, up.url);
    expect(await rosterFactors(k.db)).toEqual({ phone: false, birth: true });

    expect((await privateLookup(k.db, '한가람', birth('871123'))).map((t) => t.code)).toEqual(['G-1']);
    expect((await privateLookup(k.db, '한가람', birth('790515'))).map((t) => t.code)).toEqual(['G-2']);
    expect(await privateLookup(k.db, '한가람', birth('871124'))).toEqual([]);
    expect(await privateLookup(k.db, '한가람', birth('871132'))).toEqual([]);
    // The phone factor of the same digits is another hash.
    expect(await privateLookup(k.db, '한가람', { kind: 'phone', digits: '1123', eventId: EVENT_ID })).toEqual([]);

    const stored = JSON.stringify([await k.db.table('roster').toArray(), await k.db.table('meta').toArray()]);
    expect(stored).toContain('한가람');
    for (const clear of ['871123', '19871123', '1987-11-23', '1987. 11. 23.', '790515']) expect(stored).not.toContain(clear);

    await importCsv(['code,name,company', 'G-1,한가람,새한정밀', 'G-2,한가람,대성테크', 'G-3,서누리,한빛'].join('\n'));
    expect((await k.engine().syncNow()).ok).toBe(true);
    expect(await rosterFactors(k.db)).toEqual({ phone: false, birth: false });
    expect(await privateLookup(k.db, '한가람', birth('871123'))).toEqual([]);
  });
});
