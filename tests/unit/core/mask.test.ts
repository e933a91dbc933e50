import { describe, expect, it } from 'vitest';
import { maskCompany, maskName } from '../../../core/mask';

describe('maskName', () => {
  it('keeps the first and last syllable of a Korean name', () => {
    expect(maskName('김철현')).toBe('김*현');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('이영')).toBe('이*');
  });
  it('keeps one letter per Latin word and hides the length', () => {
    expect(maskName('Jane Doe')).toBe('J*** D***');
    expect(maskName('Bartholomew Smith')).toBe('B*** S***');
  });
  it('never returns the name itself', () => {
    for (const n of ['김철현', 'Jane Doe', 'Al', '최', 'Nguyễn Văn An']) expect(maskName(n)).not.toContain(n);
  });
});

describe('maskCompany', () => {
  it('shows the first letter of each word, legal forms dropped', () => {
    expect(maskCompany('(주)한빛정밀')).toBe('한***');
    expect(maskCompany('Samsung Electronics')).toBe('S*** E***');
    expect(maskCompany('')).toBe('');
  });
});
