// The kiosk's own roster import (setup screen, unpaired kiosk) into IndexedDB
// (fake-indexeddb): the event's time zone reaches the parser, so a date-only
// valid_from is a venue day here as on the server (it was an error on the kiosk
// before); XLSX and CP949 files work; a file refused as a whole stores nothing.
import ExcelJS from 'exceljs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRosterFileOnKiosk, type PickedFile } from '../../../renderer/import/roster-import';
import { TurnoutDb } from '../../../renderer/storage/db';
import { getTicket } from '../../../renderer/storage/roster-store';
import { ticketCount } from '../../../renderer/storage/roster';
import { encodeCp949 } from '../../support/cp949';
import { hashSecondFactor } from '../../../core/second-factor';
import { kioskFactorSalt, rosterFactors } from '../../../renderer/storage/second-factor';

const TZ = 'Asia/Seoul';
const file = (bytes: Uint8Array, size = bytes.length): PickedFile => ({
  size,
  arrayBuffer: async () => bytes.slice().buffer,
});

let db: TurnoutDb;
beforeEach(() => {
  db = new TurnoutDb(`ki-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

describe('importRosterFileOnKiosk', () => {
  it('reads a date-only valid_from in the event zone and stores the tickets', async () => {
    const csv = '코드,성명,유효시작,유효종료\nK-1,김철현,2025-09-10,2025-09-12\nK-2,이영희,2025-13-01,\n';
    const out = await importRosterFileOnKiosk(db, file(new TextEncoder().encode(csv)), { timeZone: TZ });
    expect(out).toMatchObject({ ok: true, imported: 1, format: 'csv', encoding: 'utf-8' });
    expect(out.ok && out.errors.map((e) => [e.line, e.code])).toEqual([[3, 'bad_date']]);
    expect(await getTicket(db, 'K-1')).toMatchObject({
      validFrom: '2025-09-10T00:00:00.000+09:00',
      validUntil: '2025-09-13T00:00:00.000+09:00',
    });
  });

  it('imports CP949 as Korean Excel saves it', async () => {
    const out = await importRosterFileOnKiosk(db, file(encodeCp949('코드,성명,회사명\r\nK-1,김철현,한빛정밀\r\n')), { timeZone: TZ });
    expect(out).toMatchObject({ ok: true, imported: 1, encoding: 'cp949' });
    expect(await getTicket(db, 'K-1')).toMatchObject({ name: '김철현', company: '한빛정밀' });
  });

  it('imports an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('명단');
    ws.addRow(['코드', '성명', '구분']);
    ws.addRow(['X-1', '박민수', '바이어']);
    const out = await importRosterFileOnKiosk(db, file(new Uint8Array(await wb.xlsx.writeBuffer())), { timeZone: TZ });
    expect(out).toMatchObject({ ok: true, imported: 1, format: 'xlsx', errors: [] });
    expect(await getTicket(db, 'X-1')).toMatchObject({ name: '박민수', category: 'buyer' });
  });

  it('hashes an XLSX 생년월일 column (a real date cell and a text cell) and marks the roster for the birth-date factor', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('명단');
    ws.addRow(['코드', '성명', '생년월일']);
    ws.addRow(['X-1', '박민수', new Date(Date.UTC(1990, 0, 31))]);
    ws.addRow(['X-2', '최지우', '1990.01.31']);
    ws.addRow(['X-3', '정하나', '1990.02.30']);
    const out = await importRosterFileOnKiosk(db, file(new Uint8Array(await wb.xlsx.writeBuffer())), { timeZone: TZ, eventId: 'ev' });
    expect(out).toMatchObject({ ok: true, imported: 2 });
    expect(out.ok && out.errors.map((e) => [e.line, e.code])).toEqual([[4, 'bad_birth_date']]);
    const want = await hashSecondFactor(await kioskFactorSalt(db, 'ev'), '900131', 'birth');
    expect((await getTicket(db, 'X-1'))!.birthHash).toBe(want);
    expect((await getTicket(db, 'X-2'))!.birthHash).toBe(want);
    const stored = JSON.stringify(await db.table('roster').toArray());
    expect(stored).toContain('박민수');
    expect(stored).not.toMatch(/1990|900131/);
    expect(await rosterFactors(db)).toEqual({ phone: false, birth: true });
  });

  it('refuses an oversized file by its size before reading it, and an unreadable one, storing nothing', async () => {
    let read = false;
    const huge: PickedFile = { size: 40 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
    expect(await importRosterFileOnKiosk(db, huge, { timeZone: TZ })).toMatchObject({ ok: false, code: 'too_large', params: { limit: '32 MB' } });
    expect(read).toBe(false);
    const latin1 = Uint8Array.from([...'code,name\nA,Müller\n'].map((c) => c.charCodeAt(0)));
    expect(await importRosterFileOnKiosk(db, file(latin1), { timeZone: TZ })).toMatchObject({ ok: false, code: 'unknown_encoding' });
    expect(await ticketCount(db)).toBe(0);
  });
});
