// 페어링 페이지: 페어링 코드와 인쇄용 시트.
// en/pairing.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const pairing: Ko['pairing'] = {
  title: '데스크 페어링',
  anyCheckpoint: '데스크에서 선택',
  lifetime: '유효 시간',
  minutes: '{{n}}분',
  hours: '{{n}}시간',
  make: '페어링 QR 표시',
  qrLabel: '{{checkpoint}} 페어링 QR 코드',
  expiresIn: '{{time}}까지 유효 ({{minutes}}분 {{seconds}}초 남음). 한 번만 사용할 수 있습니다.',
  expired: '만료됨: 새로 만드세요.',
  howTo: '키오스크 설정 화면에서 이 QR을 카메라에 보여 주거나 USB 스캐너로 읽으세요. 코드를 입력해도 됩니다.',
  sheet: '여러 데스크용 인쇄 시트',
  sheetTitle: '페어링 시트',
  back: '← 데스크 하나',
  sheetMake: '페어링 코드 {{count}}개 만들기',
  print: '인쇄',
  cardTitle: '{{checkpoint}} · 데스크 {{n}}',
  cardExpiry: '1회용 · {{time}}까지 유효',
};
