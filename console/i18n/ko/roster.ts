// 명단 페이지: 명단 파일 가져오기, 행 오류, 티켓 조회.
// en/roster.ts와 같은 키 (tests/unit/ui/i18n-catalogues.test.ts가 확인).
import type { Ko } from '../shape';

export const roster: Ko['roster'] = {
  uploadTitle: '명단 가져오기',
  uploadHint: 'CSV (머리글: code, name, company, category, programmes, valid_from, valid_until, note; 코드·성명·회사명·구분·프로그램도 가능) 또는 엑셀 파일. 올바른 행은 저장되고, 잘못된 줄은 줄 번호와 함께 표시됩니다.',
  upload: '올리기',
  sending: '보내는 중',
  sendingPct: '보내는 중… {{pct}}%',
  processing: '서버에서 명단을 읽는 중…',
  imported: '새로 추가',
  updated: '변경',
  unchanged: '그대로',
  errors: '거부된 줄',
  errorsHint: '이 줄들은 가져오지 않았습니다. 파일에서 고친 뒤 다시 올리세요. 나머지는 가져온 그대로 남습니다.',
  line: '줄',
  problem: '문제',
  refused: '가져오지 않았습니다: {{reason}}',
};

export const rosterFile: Ko['rosterFile'] = {
  too_large: '파일이 서버가 받는 크기보다 큽니다. 파일을 나누어 올리세요.',
  payload_too_large: '파일이 서버가 받는 크기보다 큽니다. 파일을 나누어 올리세요.',
  old_excel: 'Excel 97–2003(.xls) 파일이거나 암호가 걸린 파일입니다. 암호 없이 Excel 통합 문서(.xlsx)나 “CSV UTF-8”로 저장해 주세요.',
  not_xlsx: '이 ZIP 파일은 엑셀 통합 문서(.xlsx)가 아닙니다.',
  xlsx_too_large: '통합 문서의 압축을 풀면 서버가 읽는 크기를 넘습니다. 명단을 나누거나 CSV로 저장해 주세요.',
  xlsx_damaged: '통합 문서가 손상되었습니다. 엑셀에서 열어 다시 저장해 주세요.',
  unknown_encoding: 'UTF-8도 한글(CP949) 텍스트도 아니어서 이름이 깨집니다. 엑셀에서 “CSV UTF-8(쉼표로 분리)”을 고르거나 .xlsx로 저장해 주세요.',
  ambiguous_encoding: 'UTF-8로도 한글(CP949)로도 읽혀 이름이 깨질 수 있습니다. 엑셀에서 “CSV UTF-8(쉼표로 분리)”을 고르거나 .xlsx로 저장해 주세요.',
  binary: '텍스트 CSV 파일이 아닙니다. 엑셀에서 “CSV UTF-8(쉼표로 분리)”을 고르거나 .xlsx로 저장해 주세요.',
  unsupported_media_type: '양식(form)이 아니라 파일 자체(CSV 또는 XLSX)를 보내 주세요.',
  missing_file: '빈 파일입니다.',
};

export const rosterRow: Ko['rosterRow'] = {
  no_header: '코드와 성명(code, name) 열이 있는 머리글 행이 없습니다',
  empty_file: '빈 파일입니다',
  unreadable_row: '읽을 수 없는 행입니다 (따옴표를 확인하세요)',
  missing_code: '코드가 없습니다',
  bad_code: '코드에 스캐너가 보내지 않는 문자가 있습니다 ({{detail}})',
  missing_name: '성명이 없습니다',
  unknown_category: '알 수 없는 구분 “{{value}}”',
  bad_date: '{{column}} 값 “{{value}}”: 날짜가 아닙니다',
  dates_order: '유효종료가 유효시작보다 늦지 않습니다',
  duplicate_code: '코드 {{code}} 중복 (처음은 {{first}}행)',
  excel_error: '셀에 엑셀 오류가 있습니다 ({{value}})',
  number_code: '숫자 {{value}}: 엑셀이 정확히 보관하는 15자리를 넘습니다. 열 서식을 텍스트로 바꾸고 다시 입력하세요',
  bad_phone_last4: '연락처뒤4자리에는 숫자가 4자리 이상 있어야 합니다 (전화번호 끝 네 자리)',
  bad_birth_date: '생년월일이 날짜가 아닙니다. 1990-01-31, 19900131, 900131, 1990.01.31 가운데 한 형식으로 쓰세요',
};

export const lookup: Ko['lookup'] = {
  title: '티켓 찾기',
  placeholder: '코드, 이름 또는 회사명',
  search: '찾기',
  none: '맞는 티켓이 없습니다.',
  more: '더 많은 티켓이 맞습니다. 이름이나 코드를 더 입력하세요.',
  history: '스캔 {{count}}건',
  noScans: '스캔된 적 없음.',
  when: '시각',
  desk: '데스크',
  direction: '방향',
  verdict: '판정',
  entry: '입장',
  exit: '퇴장',
  accepted: '입장 허용',
  conflict: '충돌',
  override: '{{by}} 승인: {{reason}}',
};

export const ticket: Ko['ticket'] = {
  code: '코드',
  name: '성명',
  company: '회사명',
  category: '구분',
  programmes: '프로그램',
  status: '상태',
  note: '스태프 참고',
  statuses: { valid: '유효', revoked: '취소됨', blocked: '차단됨', deleted: '삭제됨' },
  revoke: '티켓 취소',
  block: '차단',
  restore: '다시 유효하게',
  revokeConfirm: '티켓 {{code}} ({{name}})을(를) 취소할까요? 키오스크는 다음 동기화부터 이 티켓을 거부합니다. 나중에 다시 유효하게 할 수 있습니다.',
};
