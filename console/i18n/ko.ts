// 관리 콘솔의 한국어 문자열 (en.ts와 같은 키; 단위 테스트가 확인). 페이지마다
// ko/ 아래 모듈 하나 (공통 용어는 ko/shell.ts). 각 모듈은 shape.ts의 Ko 타입을 따릅니다.
import type { Ko } from './shape';
import { shell, nav, login, common, age, category, reason, rule, mode, tally } from './ko/shell';
import { reports, walkIns } from './ko/reports';
import { devices } from './ko/devices';
import { events, hours } from './ko/events';
import { roster, rosterFile, rosterRow, lookup, ticket } from './ko/roster';
import { pairing } from './ko/pairing';
import { issuing, signingKeys } from './ko/issuing';

export const ko: Ko = {
  shell,
  nav,
  login,
  common,
  age,
  category,
  reason,
  rule,
  mode,
  tally,
  reports,
  devices,
  events,
  hours,
  roster,
  rosterFile,
  rosterRow,
  lookup,
  ticket,
  pairing,
  issuing,
  signingKeys,
  walkIns,
};
