// The demo event (resources/demo/event.json through core/demo/event.ts).
import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS, demoEvent, parseDemoEvent } from '../../../core/demo/event';

const { event, programmes, checkpoints } = demoEvent;

describe('demo event', () => {
  it('is Industrial Complex Week 2025 in Seoul, 8–14 Sep', () => {
    expect(event.id).toBe('icw2025');
    expect(event.timeZone).toBe('Asia/Seoul');
    expect(event.days).toEqual(['08', '09', '10', '11', '12', '13', '14'].map((d) => `2025-09-${d}`));
    expect(event.name.ko).toContain('산업단지 주간');
    expect(event.name.en).toContain('KICEF 2025');
  });

  it('has 23 programmes from 13 regional HQs, each inside the event', () => {
    expect(programmes).toHaveLength(23);
    expect(new Set(programmes.map((p) => p.id)).size).toBe(23);
    const regions = new Set(programmes.map((p) => p.region));
    expect(regions.size).toBe(13);
    expect([...regions].sort()).toEqual(Object.keys(DEMO_REGIONS).sort());
    for (const p of programmes) {
      expect(p.eventId).toBe(event.id);
      expect(p.name.ko && p.name.en && p.venue).toBeTruthy();
      for (const d of p.days) expect(event.days).toContain(d);
    }
    for (const d of event.days) expect(programmes.some((p) => p.days.includes(d))).toBe(true);
  });

  it("only names programmes that exist in its checkpoints", () => {
    const ids = new Set(programmes.map((p) => p.id));
    for (const c of checkpoints) {
      expect(c.eventId).toBe(event.id);
      for (const p of c.programmes ?? []) expect(ids.has(p)).toBe(true);
    }
  });

  it('has the checkpoints the kiosk and e2e tests use', () => {
    const byId = new Map(checkpoints.map((c) => [c.id, c]));
    expect(byId.get('hall-a')).toMatchObject({ rule: 'once_per_day', mode: 'entry_exit' });
    const hallA = byId.get('hall-a')?.hours;
    expect(hallA?.default).toEqual([]);
    for (const d of ['2025-09-10', '2025-09-11', '2025-09-12']) expect(hallA?.days?.[d]).toEqual([{ open: '10:00', close: '17:00' }]);
    expect(byId.get('ceremony')).toMatchObject({ rule: 'once', programmes: ['gg-ceremony'] });
    expect(byId.get('ceo-lecture')).toMatchObject({ rule: 'once', programmes: ['ic-60th-ceo-lecture'] });
    expect(byId.get('coffee-truck')).toMatchObject({ rule: 'once_per_day', mode: 'entry', hours: { default: [{ open: '09:00', close: '18:00' }] } });
    expect(byId.get('robot-hall')).toMatchObject({ rule: 'unlimited', mode: 'entry_exit' });
    const info = byId.get('info-desk');
    expect(info).toMatchObject({ rule: 'unlimited', mode: 'entry' });
    expect(info?.categories ?? []).toEqual([]);
    expect(info?.programmes ?? []).toEqual([]);
    expect(info?.hours).toBeUndefined();
  });

  it('rejects a config with a bad shape or a dangling reference', () => {
    const copy = () => structuredClone(demoEvent) as unknown as { checkpoints: Record<string, unknown>[]; programmes: Record<string, unknown>[] };
    const badRule = copy();
    (badRule.checkpoints[0] as Record<string, unknown>).rule = 'twice';
    expect(() => parseDemoEvent(badRule)).toThrow(/bad shape/);
    const dangling = copy();
    (dangling.checkpoints[0] as Record<string, unknown>).programmes = ['nope'];
    expect(() => parseDemoEvent(dangling)).toThrow(/unknown programme nope/);
    const outside = copy();
    (outside.programmes[0] as Record<string, unknown>).days = ['2025-09-20'];
    expect(() => parseDemoEvent(outside)).toThrow(/outside the event/);
    expect(parseDemoEvent(structuredClone(demoEvent))).toEqual(demoEvent);
  });
});
