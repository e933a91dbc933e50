// Masked names and companies for self-service lookup results: enough for a person
// to recognise themselves, never enough to read a stranger's name off the screen.
// Korean names keep the first and last syllable (김철현 → 김*현, 이영 → 이*);
// Latin words keep their first letter and a fixed three stars (Jane Doe →
// J*** D***), so the length of a name does not show either. Pure.

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;

function maskWord(word: string): string {
  const chars = [...word];
  if (chars.length === 0) return '';
  if (HANGUL_SYLLABLE.test(chars[0] ?? '')) {
    if (chars.length === 1) return '*';
    if (chars.length === 2) return `${chars[0]}*`;
    return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  }
  return `${chars[0]}***`;
}

/** 김철현 → 김*현, Jane Doe → J*** D***. */
export function maskName(name: string): string {
  return name.trim().split(/\s+/).map(maskWord).filter(Boolean).join(' ');
}

// Legal forms say nothing about who someone is and would lead the masked text ("(***").
const LEGAL = /\((?:주|유|사|재|합)\)|㈜|주식회사|유한회사/g;

/** (주)한빛정밀 → 한***, Samsung Electronics → S*** E***: first letter of each word only. */
export function maskCompany(company: string): string {
  const words = company.replace(LEGAL, ' ').trim().split(/\s+/).filter(Boolean);
  return words.map((w) => `${[...w][0]}***`).join(' ');
}
