// 보고서 페이지: 하루 집계, 그래프, 충돌, 현장등록 목록.
// en/reports.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const reports: Ko['reports'] = {
  title: '보고서',
  day: '날짜',
  dayOption: '{{day}} (스캔 {{scans}}건)',
  dayOptionToday: '{{day}} (스캔 {{scans}}건) · 오늘',
  exportCsv: 'CSV 내보내기',
  exportXlsx: 'XLSX 내보내기',
  total: { people: '입장 인원', scans: '스캔', accepted: '입장', rejected: '거부', exits: '퇴장', conflicts: '충돌', overrides: '관리자 승인' },
  insideAt: '현재 안에 있음 · {{checkpoint}}',
  byHour: '시간대별 스캔 ({{zone}})',
  chartLabel: '시간대별 스캔',
  hourTip: '{{hour}}시 — 스캔 {{scans}}건, 입장 {{accepted}}건',
  keyAccepted: '입장',
  keyOther: '기타 스캔',
  byCheckpoint: '체크포인트별',
  byCategory: '구분별',
  byReason: '거부 사유별',
  conflicts: '충돌 (오프라인 데스크들이 같은 티켓을 두 번 입장시킨 경우)',
  noConflicts: '이 날에는 충돌이 없습니다.',
  firstAdmission: '처음 입장',
  conflictAdmission: '다시 입장',
  firstAt: '{{time}} · {{device}}',
  firstUnknown: '아직 업로드되지 않음',
};

export const walkIns: Ko['walkIns'] = {
  title: '현장등록 (데스크 등록)',
  none: '현장등록이 없습니다.',
  summary: '현장등록: {{count}}건',
  duplicates: '중복 의심: {{count}}건',
  company: '회사·기관',
  registered: '등록',
  consents: '동의 항목',
  duplicateOf: '중복 의심',
  maybeSame: '{{code}}와 동일인일 수 있음',
  purged: '삭제됨 (보유기간 경과)',
  item_registration: '등록',
  item_contact: '연락',
  item_marketing: '소식',
};
