// 데스크 페이지: 페어링된 키오스크, 상태, 직원 호출.
// en/devices.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const devices: Ko['devices'] = {
  title: '데스크',
  live: '5초마다 새로 고침',
  state: '상태',
  name: '이름',
  lastSeen: '마지막 연락',
  outbox: '전송 대기',
  lastSync: '마지막 동기화',
  clock: '시계 차이',
  version: '버전',
  seconds: '{{n}}초',
  none: '이 행사에 페어링된 데스크가 없습니다.',
  health: { alive: '● 정상', stale: '▲ 지연', silent: '✖ 무응답', revoked: '✖ 해제됨' },
  rename: '이름 변경',
  renamePrompt: '이 데스크의 새 이름',
  renamed: '이름을 {{name}}(으)로 바꿨습니다.',
  moveTo: '{{name}}의 체크포인트',
  assigned: '관리자가 옮김: 스태프가 바꿀 때까지 데스크는 {{checkpoint}}에서 운영',
  moved: '{{name}}을(를) {{checkpoint}}(으)로 옮겼습니다.',
  revoke: '해제',
  revokeConfirm: '{{name}}을(를) 해제할까요? 토큰이 즉시 무효가 되고 키오스크는 다시 페어링해야 합니다.',
  revoked: '{{name}}을(를) 해제했습니다.',
  help: {
    title_one: '키오스크 한 대가 직원을 호출했습니다',
    title_other: '키오스크 {{count}}대가 직원을 호출했습니다',
    since: '{{time}}부터',
    flag: '호출',
    clear: '호출 끄기 (직원이 가는 중)',
    cleared: '{{name}}의 호출을 껐습니다.',
    banner: '{{checkpoint}}의 {{name}}',
    open: '데스크 페이지에서 확인하고 끄기 →',
  },
};
