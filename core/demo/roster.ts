// Deterministic demo roster for the icw2025 event: ticket i is a pure function of
// (i, seed), whatever the roster size, so 200k rows can be streamed in chunks.
// Owns the demo ticket codes (ICW25- + 10 base32 chars, a bijection of i).
//
// Fixtures (default seed; e2e tests rely on them, keep them stable):
//   #0  ICW25-DTF59U9Z6R  김철현 (초성 ㄱㅊㅎ)  visitor, valid, every programme, valid all week, no note
//   #1  ICW25-ZXNZGPVWCP  Jane Doe            foreign visitor, valid all week, gg-robot-hall + sl-startup-meetup
//   #2  ICW25-HYFJD24SYK  이영희              visitor, valid, every programme, note "휠체어 이용 / wheelchair user"
//   #3  ICW25-BJ23E93TMK  최민수              visitor, every programme, status revoked
//   #4  ICW25-XDXSKN2XHW  정하늘              visitor, every programme, status blocked
import type { Category, Ticket, TicketStatus } from '../model';
import { DEMO_REGIONS, demoEvent } from './event';

export interface DemoRosterOptions {
  /** Changes every generated ticket (codes included) except the fixtures' names and fields. */
  seed?: number;
}

export const DEMO_CODE_PREFIX = 'ICW25-';
/** Unambiguous base32: no 0/O, no 1/I. */
export const DEMO_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Codes are a bijection of [0, 2^50): distinct for every index below this. */
export const DEMO_CODE_SPACE = 2 ** 50;
export const DEMO_DEFAULT_SEED = 20250908;

const HALF = 2 ** 25;
const MASK = HALF - 1;

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The QR code of demo ticket i: a 4-round Feistel permutation over 50 bits, so never a collision. */
export function demoCode(i: number, seed = DEMO_DEFAULT_SEED): string {
  if (!Number.isSafeInteger(i) || i < 0 || i >= DEMO_CODE_SPACE) throw new RangeError(`demo ticket index out of range: ${i}`);
  let l = Math.floor(i / HALF);
  let r = i % HALF;
  for (let k = 0; k < 4; k++) {
    const f = mix32(r ^ mix32((seed + Math.imul(k + 1, 0x9e3779b9)) | 0)) & MASK;
    [l, r] = [r, l ^ f];
  }
  let code = DEMO_CODE_PREFIX;
  for (const half of [l, r]) for (let shift = 20; shift >= 0; shift -= 5) code += DEMO_CODE_ALPHABET.charAt((half >>> shift) & 31);
  return code;
}

/** mulberry32, seeded from (index, seed) so each ticket has its own stream. */
function rngFor(i: number, seed: number): () => number {
  let a = mix32(mix32((i >>> 0) ^ mix32(seed)) ^ Math.floor(i / 2 ** 32));
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const words = (s: string): string[] => s.trim().split(/\s+/);
const list = (s: string): string[] => s.split('|');
function pick<T>(rand: Rand, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}
function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return (table[table.length - 1] as readonly [T, number])[0];
}
const table = (s: string): [string, number][] => words(s).map((kv) => {
  const [k, v] = kv.split(':');
  return [k as string, Number(v)];
});

// Korean surnames, weights ≈ per-mille of the 2015 census.
const SURNAMES = table(`김:215 이:147 박:84 최:47 정:43 강:24 조:21 윤:21 장:20 임:17 한:15 오:15 서:15 신:14
  권:14 황:14 안:13 송:13 류:12 전:11 홍:11 고:9 문:9 양:9 손:9 배:8 백:8 허:7 유:6 남:6 심:6 노:6 하:5 곽:4
  성:4 차:4 주:4 우:4 구:4 민:3 진:3 나:3 지:3 엄:3 채:3 원:3 천:2 방:2 공:2 현:2 함:2 변:2 염:2 여:2 추:1 도:1
  석:1 선:1 설:1 마:1 길:1 연:1 위:1 표:1 남궁:1 황보:1 제갈:1 선우:1`);
// Real two-syllable given names across generations (random syllable pairs make odd or rude words).
const GIVEN = words(`민준 서준 도윤 예준 시우 하준 주원 지호 지후 준우 준서 건우 도현 현우 지훈 우진 선우 서진 민재 현준
  연우 유준 정우 승우 승현 시윤 준혁 은우 지환 승민 서연 서윤 지우 서현 민서 하은 하윤 윤서 지유 지민 채원 수아 지아
  지윤 은서 다은 예은 수빈 소윤 예린 영호 영수 영철 성호 성민 정훈 상철 동현 재훈 민수 현철 철수 영희 미경 미영 은주
  혜진 수진 정희 경희 영숙 정숙 미숙 지영 은영 현정 선영 수정 지현 민정 은정 상훈 성훈 재현 종민 태호 병철 광수 용준
  기현 동욱 진우 재원 준호 승훈 혜원 유진 소영 지은 보람 나래 하늘 슬기 다인 세영 가영 태연 경민 민호 성진 재석`);
const KO_STEMS = words('한빛 대성 동양 세진 우리 삼원 영진 신성 태광 성원 대한 금강 새한 동아 한울 미래 하나 유진 제일 서진 대영 일신 동신 경원 삼보 화승 광명 세원 신우 청림 태성 우진 혜성 보광 명진 남양 해동 한솔 정우');
const KO_TRADES = words('정밀 테크 산업 기계 화학 전자 금속 소재 오토텍 엔지니어링 로보틱스 이노텍 메탈 플라텍 솔루션 기공 전기 하이텍 케미칼 공업 시스템');
const KO_BUYERS = words('무역 상사 인터내셔널 글로벌 트레이딩');
const KO_PRESS = words('산업일보 연합뉴스 매일경제 한국경제 전자신문 서울경제 머니투데이 KBS MBC YTN 뉴스1 이데일리 아시아경제 중소기업뉴스 경기일보');
const KO_VIP = list('산업통상자원부|경기도청|고양특례시|한국산업단지공단|KOTRA|중소벤처기업부|한국무역협회|대한상공회의소|국회 산업통상자원중소벤처기업위원회');
const KO_SPEAKER = list('KAIST|서울대학교|한국생산기술연구원|한국전자통신연구원(ETRI)|포항공과대학교|한국로봇산업진흥원|한국산업기술진흥원');
const FOREIGN_PRESS = list('Reuters|Bloomberg|Nikkei Asia|Xinhua|VnExpress|Handelsblatt|The Korea Herald');

interface Nation {
  name: (r: Rand) => string;
  companies: string[];
}
const NATIONS: [Nation, number][] = [
  [{ // English
    name: (r) => `${pick(r, words('James Emily Michael Sarah David Laura Daniel Olivia Robert Hannah Thomas Grace William Chloe Andrew Megan Peter Rachel Mark Anna'))} ${pick(r, words("Smith Johnson Brown Taylor Wilson Clark Walker Hall Young King Wright Scott Green Baker Adams Nelson Carter Mitchell Turner O'Brien"))}`,
    companies: list('Northwind Trading Ltd.|Acme Industrial Supply Inc.|Harbor & Pike Components, LLC|Bluewater Robotics Pty Ltd|Summit Precision Parts Co.|Maple "Leaf" Machinery Ltd.'),
  }, 30],
  [{ // Vietnamese
    name: (r) => `${pick(r, words('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ'))} ${pick(r, words('Văn Thị Đức Minh Ngọc Thanh Quốc Hữu'))} ${pick(r, words('An Bình Châu Dũng Hà Hải Hương Khánh Lan Linh Long Mai Nam Phương Quang Sơn Thảo Trang Tuấn Vy'))}`,
    companies: list('Công ty TNHH Minh Phát|Công ty Cổ phần Cơ khí Hà Nội|Vina Tech JSC|Công ty TNHH Điện tử Sài Gòn'),
  }, 20],
  [{ // Chinese (pinyin, family name first)
    name: (r) => `${pick(r, words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo'))} ${pick(r, words('Wei Fang Na Min Jing Lei Yang Jie Tao Ming Chao Ying Hua Jun Ping Hui Yan Qiang Xiaoming Jianguo Haoran Yuting Zihan'))}`,
    companies: list('Shenzhen Huaxin Electronics Co., Ltd.|Suzhou Jinhai Precision Machinery Co., Ltd.|Qingdao Haida Trading Co., Ltd.|Ningbo Ruifeng Auto Parts Co., Ltd.'),
  }, 25],
  [{ // Japanese (romaji)
    name: (r) => `${pick(r, words('Haruto Yuto Sota Ren Hiroshi Takeshi Kenji Yuki Aoi Hina Yui Sakura Akiko Naoko Emi'))} ${pick(r, words('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue'))}`,
    companies: list('Tanaka Seiki Co., Ltd.|Osaka Kogyo K.K.|Nagoya Precision Works Co., Ltd.|Yokohama Trading Corp.'),
  }, 15],
  [{ // German
    name: (r) => `${pick(r, words('Lukas Leon Felix Jonas Maximilian Paul Anna Lena Lea Sophie Marie Katharina Jürgen Stefan'))} ${pick(r, words('Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Bauer Richter Klein Wolf Schröder'))}`,
    companies: list('Müller Maschinenbau GmbH|Schneider Antriebstechnik GmbH & Co. KG|Becker Automation AG|Rheinland Industriebedarf GmbH'),
  }, 10],
];

const KO_CATEGORIES: [Category, number][] = [['visitor', 640], ['exhibitor', 150], ['buyer', 40], ['press', 35], ['vip', 25], ['staff', 70], ['speaker', 40]];
const FOREIGN_CATEGORIES: [Category, number][] = [['visitor', 300], ['exhibitor', 150], ['buyer', 450], ['press', 40], ['vip', 20], ['speaker', 40]];
const NOTES = list('휠체어 이용 / wheelchair user|통역 필요 (영어) / needs an English interpreter|수어 통역 / sign-language interpreter|보조견 동반 / with an assistance dog|명찰 재발급 / reissue badge|기자 취재석 안내 / show to the press area');
const VIP_NOTE = 'VIP 의전 / VIP escort';

// The demo event runs in Asia/Seoul, which has no DST: every day starts at +09:00.
const OFFSET = '+09:00';
const DAYS = demoEvent.event.days;
const FIRST_DAY = DAYS[0] as string;
const LAST_DAY = DAYS[DAYS.length - 1] as string;
const FAIR_DAYS = ['2025-09-10', '2025-09-11', '2025-09-12'];
const ALL_PROGRAMMES = demoEvent.programmes.map((p) => p.id);
const dayWeights: [string, number][] = DAYS.map((d) => [d, FAIR_DAYS.includes(d) ? 3 : 1]);
const REGION_NAMES = Object.keys(DEMO_REGIONS);
const startOf = (day: string): string => `${day}T00:00:00${OFFSET}`;
// validUntil is exclusive (decide checks [validFrom, validUntil)): the next midnight.
const endOf = (day: string): string => startOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

function koreanName(r: Rand): string {
  return weighted(r, SURNAMES) + pick(r, GIVEN);
}

function koreanCompany(r: Rand, category: Category): string {
  const firm = pick(r, KO_STEMS) + pick(r, KO_TRADES);
  switch (category) {
    case 'press': return pick(r, KO_PRESS);
    case 'vip': return pick(r, KO_VIP);
    case 'staff': return r() < 0.8 ? `한국산업단지공단 ${pick(r, REGION_NAMES)}` : 'KINTEX';
    case 'speaker': if (r() < 0.6) return pick(r, KO_SPEAKER); break;
    case 'buyer': return `${pick(r, KO_STEMS)}${pick(r, KO_BUYERS)}`;
    case 'visitor': if (r() < 0.1) return ''; break;
    default: break;
  }
  return weighted(r, [[`(주)${firm}`, 45], [firm, 25], [`${firm}(주)`, 15], [`주식회사 ${firm}`, 15]]);
}

/** Ticket i of the demo roster (see the fixtures above for 0–4). */
export function demoTicket(i: number, opts: DemoRosterOptions = {}): Ticket {
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const code = demoCode(i, seed);
  const week = { validFrom: startOf(FIRST_DAY), validUntil: endOf(LAST_DAY) };
  const fixture = (name: string, status: TicketStatus, note?: string): Ticket => ({
    code, name, company: '(주)한빛정밀', category: 'visitor', programmes: [...ALL_PROGRAMMES], ...week, status, seq: 0,
    ...(note ? { note } : {}),
  });
  switch (i) {
    case 0: return fixture('김철현', 'valid');
    case 1: return { ...fixture('Jane Doe', 'valid'), company: 'Northwind Trading Ltd.', programmes: ['gg-robot-hall', 'sl-startup-meetup'] };
    case 2: return { ...fixture('이영희', 'valid', '휠체어 이용 / wheelchair user'), company: '대성테크' };
    case 3: return { ...fixture('최민수', 'revoked'), company: '세진기계(주)' };
    case 4: return { ...fixture('정하늘', 'blocked'), company: '주식회사 동양금속' };
    default: break;
  }

  const r = rngFor(i, seed);
  const foreign = r() < 0.2;
  const nation = weighted(r, NATIONS);
  const category = weighted(r, foreign ? FOREIGN_CATEGORIES : KO_CATEGORIES);
  const name = foreign ? nation.name(r) : koreanName(r);
  const company = foreign
    ? category === 'press' ? pick(r, FOREIGN_PRESS) : pick(r, nation.companies)
    : koreanCompany(r, category);

  let from = FIRST_DAY;
  let until = LAST_DAY;
  if (category === 'exhibitor' || category === 'buyer') {
    [from, until] = [FAIR_DAYS[0] as string, FAIR_DAYS[2] as string];
    if (category === 'buyer' && r() < 0.3) from = until = pick(r, FAIR_DAYS);
  } else if (category === 'visitor' && r() < 0.45) {
    from = until = weighted(r, dayWeights);
  }
  const open = demoEvent.programmes.filter((p) => p.days.some((d) => d >= from && d <= until)).map((p) => p.id);
  const want = Math.min(open.length, weighted(r, [[1, 50], [2, 35], [3, 15]]));
  const chosen = new Set<string>();
  while (chosen.size < want) chosen.add(pick(r, open));

  let note: string | undefined;
  if (category === 'vip' && r() < 0.4) note = VIP_NOTE;
  else if (r() < 0.025) note = pick(r, NOTES);
  const s = r();
  const status: TicketStatus = s < 0.01 ? 'revoked' : s < 0.014 ? 'blocked' : 'valid';

  return {
    code, name, company, category,
    programmes: ALL_PROGRAMMES.filter((id) => chosen.has(id)),
    validFrom: startOf(from), validUntil: endOf(until),
    status, seq: 0,
    ...(note ? { note } : {}),
  };
}

/** The first n demo tickets. Prefer demoRosterChunks for large n. */
export function demoRoster(n: number, opts: DemoRosterOptions = {}): Ticket[] {
  return Array.from({ length: n }, (_, i) => demoTicket(i, opts));
}

/** The first n demo tickets in arrays of at most chunkSize, made lazily (200k rows without a 200k array). */
export function* demoRosterChunks(n: number, chunkSize = 5000, opts: DemoRosterOptions = {}): Generator<Ticket[], void, undefined> {
  if (!(chunkSize >= 1)) throw new RangeError(`chunk size must be ≥ 1: ${chunkSize}`);
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(n, start + chunkSize);
    const chunk: Ticket[] = [];
    for (let i = start; i < end; i++) chunk.push(demoTicket(i, opts));
    yield chunk;
  }
}
