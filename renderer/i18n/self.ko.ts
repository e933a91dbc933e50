// 셀프 체크인 화면(renderer/ui/self)의 한국어 문구. self.en.ts와 같은 모양.
import type { selfEn } from './self.en';

export const selfKo: typeof selfEn = {
  mode: '셀프 체크인 키오스크',
  modeHint: '참가자가 직접 체크인합니다. 이 모드를 끝내려면 직원 PIN이 필요합니다.',
  modeChip: '셀프 체크인',
  needPin: '먼저 직원 PIN을 설정하세요. 셀프 체크인을 끝내는 유일한 방법입니다.',
  attract: {
    scan: 'QR 코드를 스캔하세요',
    scanHint: '입장권의 코드를 스캐너 아래에 대 주세요',
    touch: '화면을 눌러 시작',
    noCode: '코드가 없나요? 여기를 눌러 이름으로 찾기',
    language: '언어',
    staff: '직원',
  },
  home: {
    title: '지금 QR 코드를 스캔하세요',
    hint: '코드를 스캐너 아래에 대거나, 이름으로 찾으세요',
    byName: '이름으로 찾기',
    done: '끝내기',
  },
  lookup: {
    nameTitle: '성함을 모두 입력하세요',
    namePlaceholder: '등록하신 성함 전체',
    next: '다음',
    back: '뒤로',
    phoneTitle: '전화번호 끝 4자리를 누르세요',
    birthTitle: '생년월일 6자리를 누르세요 (YYMMDD)',
    birthExample: '예: 1990년 1월 31일생은 900131',
    birthPrompt: '생년월일 6자리를 연, 월, 일 순서로 누르세요. 예를 들어 1990년 1월 31일생은 9 0 0 1 3 1입니다.',
    useBirth: '생년월일로 찾기',
    usePhone: '전화번호로 찾기',
    companyTitle: '회사 이름의 앞부분을 입력하세요',
    companyPlaceholder: '회사 이름 (두 글자 이상)',
    search: '찾기',
    none: '찾지 못했습니다. 철자를 확인하시거나 안내 데스크 직원에게 문의하세요.',
    paused: '여러 번 찾지 못해 이 키오스크의 이름 찾기를 {{minutes}}분 동안 멈췄습니다. 코드를 스캔하시거나 직원을 호출해 주세요.',
    pick: '본인 항목을 누르세요',
    confirmTitle: '본인이 맞습니까?',
    yes: '네, 체크인합니다',
    no: '아니요, 뒤로',
  },
  walkIn: {
    open: '티켓이 없나요? 현장등록',
    title: '현장등록',
    hint: '칸을 누른 뒤 아래 자판으로 입력하세요. 휴대전화 번호는 선택입니다.',
    category: '등록 구분: {{category}}',
  },
  verdict: {
    seeStaff: '안내 데스크 직원에게 문의하세요',
    done: '확인',
  },
  idle: {
    title: '계속 이용하시나요?',
    body: '{{seconds}}초 후 화면이 지워집니다.',
    extend: '화면이나 아무 키를 누르면 계속합니다',
  },
};
