// 콘솔 전체가 함께 쓰는 문자열: 셸(머리글, 메뉴, 로그인)과 모든 페이지가 쓰는
// 용어(분류, 거부 사유, 규칙, 집계, 경과 시간).
// en/shell.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const shell: Ko['shell'] = {
  title: '관리 콘솔',
  event: '행사',
  language: '언어',
  loading: '불러오는 중…',
  logout: '로그아웃',
  role: { admin: '관리자', viewer: '보기 전용' },
};

export const nav: Ko['nav'] = { reports: '보고서', devices: '데스크', events: '행사 설정', roster: '명단', pairing: '페어링', issuing: '발급' };

export const login: Ko['login'] = {
  token: '관리자 또는 보기 전용 토큰',
  hint: '서버가 시작할 때 출력합니다 (TURNOUT_ADMIN_TOKEN, TURNOUT_VIEWER_TOKEN). 한 번만 보내고, 브라우저에는 세션 쿠키만 남습니다.',
  submit: '로그인',
  refused: '토큰이 맞지 않습니다. 확인하고 다시 입력하세요.',
  failed: '로그인하지 못했습니다: {{message}}',
};

export const common: Ko['common'] = {
  checkpoint: '체크포인트',
  actions: '작업',
  cancel: '취소',
  none: '없음',
  noEvent: '아직 행사가 없습니다. 여기서 만드세요:',
  readOnly: '보기 전용 역할은 볼 수만 있고 바꿀 수 없습니다.',
};

export const age: Ko['age'] = { s: '{{n}}초 전', min: '{{n}}분 전', h: '{{n}}시간 전', d: '{{n}}일 전' };

export const category: Ko['category'] = { visitor: '방문객', exhibitor: '참가기업', buyer: '바이어', press: '언론', vip: 'VIP', staff: '스태프', speaker: '연사', unknown: '명단에 없음' };

export const reason: Ko['reason'] = {
  unknown_ticket: '등록되지 않은 티켓',
  invalid_signature: '위조되었거나 손상된 코드',
  revoked: '취소된 티켓',
  blocked: '차단된 티켓',
  already_checked_in: '이미 체크인됨',
  wrong_checkpoint: '이 입구에서 사용할 수 없음',
  not_yet_valid: '아직 유효하지 않음',
  expired: '만료된 티켓',
  closed_now: '운영 시간이 아님',
  malformed: '읽을 수 없는 코드',
};

export const rule: Ko['rule'] = { once: '1회 (한 번만 입장)', once_per_day: '하루 1회', unlimited: '제한 없음' };

export const mode: Ko['mode'] = { entry: '입장만', entry_exit: '입장과 퇴장 (안에 있는 인원 집계)' };

export const tally: Ko['tally'] = { scans: '스캔', accepted: '입장', uniquePeople: '인원', rejected: '거부', exits: '퇴장', conflicts: '충돌' };
