// The lint rule against sentences glued from pieces (eslint-rules/no-ui-text-concat.js),
// run through the repo's own eslint.config.js on snippets placed at UI paths, so the
// test fails if the rule stops firing or stops being applied to renderer/ and console/.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = 'turnout/no-ui-text-concat';

/** The rule's findings for `jsx` as the body of a component in a .tsx file at `filePath`. */
async function findings(jsx: string, filePath = 'renderer/ui/Fixture.tsx'): Promise<string[]> {
  const code = `
declare const t: (key: string, opts?: object) => string;
declare const n: number, name: string, code: string, ok: boolean, id: string;
export function Fixture() {
  return ${jsx};
}
`;
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'the snippet parses').toEqual([]);
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.messageId ?? m.message);
}

describe('turnout/no-ui-text-concat', () => {
  it.each([
    ['a template literal as JSX text', '<p>{`${n} people`}</p>', 'template'],
    ['+ with a string as JSX text', "<p>{n + ' people'}</p>", 'plus'],
    ['a template literal in aria-label', '<div aria-label={`${t("a")} ${t("b")}`} />', 'template'],
    ['+ with a string in alt', "<img alt={'Photo of ' + name} />", 'plus'],
    ['a template literal in title, behind ?:', '<p title={ok ? `${name} (${code})` : t("x")} />', 'template'],
    ['a template literal in placeholder', '<input placeholder={`${t("search")}…`} />', 'template'],
    ['a separator template behind &&', '<p>{t("a")}{ok && ` · ${t("b")}`}</p>', 'template'],
    ['a template literal in a component\'s label prop', '<Field label={`${t("name")}:`} />', 'template'],
    ['words next to an expression', '<p>{n} people</p>', 'jsxText'],
  ])('fires on %s', async (_what, jsx, messageId) => {
    expect(await findings(jsx)).toEqual([messageId]);
  });

  it('applies to the console too', async () => {
    expect(await findings('<p>{`${n} scans`}</p>', 'console/pages/Fixture.tsx')).toEqual(['template']);
  });

  it.each([
    ['className composition', '<span className={`dot${ok ? " dot--on" : ""} ${name}`} />'],
    ['test ids', '<button data-testid={`pin-key-${n}`} />'],
    ['keys and ids', '<li key={`k-${id}`} id={`row-${id}`} />'],
    ['style values', '<div style={{ width: `${n}mm` }} />'],
    ['a translation key built in t()', '<p>{t(`reason.${code}`)}</p>'],
    ['i18next interpolation', '<p aria-label={t("pin.entered", { count: n })}>{t("people", { count: n })}</p>'],
    ['a separator between whole translated strings', '<p>{t("a")} · {t("b")}{" · "}{t("c")}</p>'],
    ['a plain string literal', '<p title="x">{ok ? t("a") : "—"}</p>'],
  ])('stays quiet on %s', async (_what, jsx) => {
    expect(await findings(jsx)).toEqual([]);
  });
});
