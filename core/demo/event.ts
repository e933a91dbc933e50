// The demo event (Industrial Complex Week 2025 at KINTEX): loads
// resources/demo/event.json, checks its shape and cross-references at import
// time, and exports it typed. Also owns the ko/en names of the 13 regional HQs.
import { z } from 'zod';
import demo from '../../resources/demo/event.json' with { type: 'json' };
import { CATEGORIES, type Checkpoint, type EventInfo, type Programme } from '../model';

export interface DemoEvent {
  event: EventInfo;
  programmes: Programme[];
  checkpoints: Checkpoint[];
}

/** The 13 regional headquarters of KICOX (한국산업단지공단) that run the programmes. */
export const DEMO_REGIONS: Readonly<Record<string, string>> = {
  서울지역본부: 'Seoul Regional HQ',
  인천지역본부: 'Incheon Regional HQ',
  경기지역본부: 'Gyeonggi Regional HQ',
  강원지역본부: 'Gangwon Regional HQ',
  충북지역본부: 'Chungbuk Regional HQ',
  대전충남지역본부: 'Daejeon-Chungnam Regional HQ',
  전북지역본부: 'Jeonbuk Regional HQ',
  광주전남지역본부: 'Gwangju-Jeonnam Regional HQ',
  대구지역본부: 'Daegu Regional HQ',
  경북지역본부: 'Gyeongbuk Regional HQ',
  부산지역본부: 'Busan Regional HQ',
  울산지역본부: 'Ulsan Regional HQ',
  경남지역본부: 'Gyeongnam Regional HQ',
};

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const text = z.object({ ko: z.string().min(1), en: z.string().min(1) });
const windows = z.array(z.object({ open: hhmm, close: hhmm }));

const schema = z.object({
  event: z.object({ id: z.string().min(1), name: text, timeZone: z.string().min(1), days: z.array(dayKey).min(1) }),
  programmes: z.array(
    z.object({
      id: z.string().min(1),
      eventId: z.string(),
      name: text,
      region: z.string().min(1),
      venue: z.string().min(1),
      days: z.array(dayKey).min(1),
    }),
  ),
  checkpoints: z.array(
    z.object({
      id: z.string().min(1),
      eventId: z.string(),
      name: text,
      rule: z.enum(['once', 'once_per_day', 'unlimited']),
      mode: z.enum(['entry', 'entry_exit']),
      categories: z.array(z.enum(CATEGORIES)).optional(),
      programmes: z.array(z.string()).optional(),
      hours: z
        .object({ default: windows.optional(), days: z.record(dayKey, windows).optional() })
        .optional(),
      dayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
      maxAdmissions: z.number().int().min(1).optional(),
      noReentry: z.boolean().optional(),
    }),
  ),
});

/** Parses and cross-checks an event config; throws an Error naming the first problem. */
export function parseDemoEvent(input: unknown): DemoEvent {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`demo event: bad shape: ${parsed.error.message}`);
  const data: DemoEvent = parsed.data;
  const { event, programmes, checkpoints } = data;
  const days = new Set(event.days);
  const fail = (what: string): never => {
    throw new Error(`demo event ${event.id}: ${what}`);
  };
  const programmeIds = new Set<string>();
  for (const p of programmes) {
    if (programmeIds.has(p.id)) fail(`duplicate programme ${p.id}`);
    programmeIds.add(p.id);
    if (p.eventId !== event.id) fail(`programme ${p.id} belongs to ${p.eventId}`);
    for (const d of p.days) if (!days.has(d)) fail(`programme ${p.id} runs on ${d}, outside the event`);
  }
  const checkpointIds = new Set<string>();
  for (const c of checkpoints) {
    if (checkpointIds.has(c.id)) fail(`duplicate checkpoint ${c.id}`);
    checkpointIds.add(c.id);
    if (c.eventId !== event.id) fail(`checkpoint ${c.id} belongs to ${c.eventId}`);
    for (const p of c.programmes ?? []) if (!programmeIds.has(p)) fail(`checkpoint ${c.id}: unknown programme ${p}`);
    for (const d of Object.keys(c.hours?.days ?? {})) {
      if (!days.has(d)) fail(`checkpoint ${c.id}: hours for ${d}, outside the event`);
    }
    const all = [...(c.hours?.default ?? []), ...Object.values(c.hours?.days ?? {}).flat()];
    for (const w of all) if (w.open >= w.close) fail(`checkpoint ${c.id}: window ${w.open}–${w.close} is empty`);
  }
  return data;
}

/** Industrial Complex Week 2025 (`icw2025`): 7 days, 23 programmes, the KINTEX checkpoints. */
export const demoEvent: DemoEvent = parseDemoEvent(demo);
