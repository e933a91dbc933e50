// 발급 페이지: 서명된 티켓 발급과 행사의 서명 키.
// en/issuing.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const issuing: Ko['issuing'] = {
  title: '서명 티켓 발급',
  hint: '티켓마다 행사 키로 서명한 TO1: 코드가 붙어, 키오스크가 오프라인에서도 확인합니다. 이름은 선택입니다. 한 줄에 한 명씩 쓰면 이름이 든 티켓이 한 장씩 나옵니다.',
  count: '발급 매수',
  names: '이름 (선택, 한 줄에 한 명)',
  issue: '티켓 {{count}}장 발급',
  issuing: '발급 중…',
  issued: '티켓 {{count}}장을 발급했습니다.',
  notIssued: '{{count}}장은 발급하지 못했습니다.',
  sheet: '인쇄용 A4 시트 (PDF)',
  csv: '메일 머지 목록 (CSV)',
  filesHint: '두 파일 모두 이번 발급분(#{{from}}~#{{to}})만 담습니다. 취소된 티켓은 시트에서 빠지고, 목록에는 상태와 함께 남습니다.',
  allFiles: '이 행사의 서명 티켓 전부:',
  first: '처음 {{count}}장',
  ticketLine: '#{{serial}} {{name}} · {{category}}',
  ticketLineNameless: '#{{serial}} · {{category}}',
  qrLabel: '티켓 {{serial}}의 QR 코드',
  errors: {
    signing_key_locked: '서명 키를 열 수 없습니다. 서버에 TURNOUT_KEY_ENCRYPTION_KEY 설정이 필요합니다. 아무것도 발급되지 않았습니다.',
    active_key: '이 키는 지금 새 티켓에 서명하고 있습니다. 먼저 키를 교체한 뒤 폐기하세요.',
    unknown_key: '이 행사에 없는 키입니다 (다른 곳에서 바뀌었을 수 있습니다). 목록을 다시 불러옵니다.',
    unknown_event: '이 행사는 서버에 더 이상 없습니다.',
    forbidden: '보기 전용 역할은 이것을 바꿀 수 없습니다.',
  },
};

export const signingKeys: Ko['signingKeys'] = {
  title: '서명 키',
  hint: '키오스크는 현재 키와, 아직 검증용으로 남은 예전 키를 믿습니다. 교체하면 새 티켓은 새 키로 서명되고 이미 인쇄한 티켓은 그대로 쓸 수 있습니다. 예전 키를 폐기하면 그 키로 서명한 티켓은 키오스크가 동기화한 뒤부터 모두 거부됩니다.',
  id: '키',
  status: '상태',
  created: '만든 시각',
  retired: '폐기 시각',
  statuses: { active: '현재 키 (새 티켓 서명)', verify: '검증만', retired: '폐기됨' },
  none: '아직 키가 없습니다. 첫 발급 때 만들어집니다.',
  rotate: '키 교체',
  rotateConfirm: '새 서명 키를 만들까요? 새 티켓은 새 키로 서명되고, 이미 인쇄한 티켓은 그대로 쓸 수 있습니다.',
  rotated: '이제부터 키 {{keyId}}(으)로 새 티켓에 서명합니다.',
  retire: '폐기',
  retireConfirm: '키 {{keyId}}을(를) 폐기할까요? 이 키로 서명한 티켓은 키오스크가 동기화한 뒤부터 모두 거부됩니다. 되돌릴 수 없습니다.',
  retiredDone: '키 {{keyId}}을(를) 폐기했습니다.',
};
