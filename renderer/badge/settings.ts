// This desk's badge printing, chosen at setup and kept in IndexedDB (meta): on or
// off, the label stock (template) and, in Electron, the printer by its system
// name (from getPrintersAsync; null: the system default). A stored value that no
// longer parses (an older or damaged row) reads as "off", never as a guess.
import { z } from 'zod';
import { getMeta, setMeta, type TurnoutDb } from '../storage/db';
import { BADGE_TEMPLATE_IDS, type BadgeTemplateId } from './templates';

export const BADGE_SETTINGS_KEY = 'badge.settings';

export const BadgeSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  template: z.enum(BADGE_TEMPLATE_IDS),
  printerName: z.string().min(1).max(256).nullable(),
});

export interface BadgeSettings {
  enabled: boolean;
  template: BadgeTemplateId;
  /** The printer's system name (Electron); null: the system's default printer, or the browser's dialog. */
  printerName: string | null;
}

export const DEFAULT_BADGE_SETTINGS: BadgeSettings = { enabled: false, template: 'ql62', printerName: null };

export async function loadBadgeSettings(db: TurnoutDb): Promise<BadgeSettings> {
  const parsed = BadgeSettingsSchema.safeParse(await getMeta(db, BADGE_SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULT_BADGE_SETTINGS;
}

export async function saveBadgeSettings(db: TurnoutDb, settings: BadgeSettings): Promise<void> {
  await setMeta(db, BADGE_SETTINGS_KEY, BadgeSettingsSchema.parse(settings));
}
