// Korean strings of walk-in registration (현장등록) and its consent items under
// 개인정보 보호법 §15·§22: each item asked apart, purpose, items, retention and the
// right to refuse stated for each. Same shape as walkin-en.ts.
import type { walkInEn } from './walkin-en';

export const walkInKo: typeof walkInEn = {
  open: '현장등록',
  title: '현장등록',
  stepDetails: '1. 정보 입력',
  stepConsent: '2. 개인정보 동의',
  name: '성명',
  company: '회사·기관명',
  category: '구분',
  phone: '휴대전화 (선택)',
  phoneHint: '“행사 관련 연락” 항목에 동의한 경우에만 보관합니다.',
  next: '다음: 동의',
  back: '이전',
  cancel: '취소',
  consentTitle: '개인정보 수집·이용 동의',
  consentIntro: '항목별로 따로 동의를 받습니다. 필수 항목은 등록에 필요하며, 선택 항목은 거부해도 등록에 불이익이 없습니다.',
  required: '필수',
  optional: '선택',
  purpose: '수집·이용 목적',
  items: '수집 항목',
  retention: '보유·이용 기간',
  refuse: '동의 거부 권리',
  agree: '동의합니다',
  disagree: '동의하지 않습니다',
  keptUntil: '{{date}}까지 보관 후 파기',
  keptUntilEvent: '행사 종료 후 주최측이 정한 보유기한까지 보관 후 파기',
  consent: {
    registration: {
      title: '현장등록 및 입장 확인',
      purpose: '현장등록, 입장 확인 및 명찰 발급',
      items: '성명, 회사·기관명, 구분',
      refuse: '동의를 거부할 수 있습니다. 다만 거부 시 현장등록과 명찰 발급을 할 수 없습니다.',
    },
    contact: {
      title: '행사 관련 연락',
      purpose: '행사 변경 사항 및 분실물 안내',
      items: '휴대전화 번호',
      refuse: '거부해도 불이익이 없습니다. 등록은 그대로 진행되며 번호는 보관하지 않습니다.',
    },
    marketing: {
      title: '향후 행사 소식 안내',
      purpose: '주최측의 향후 행사 소식 발송',
      items: '성명, 회사·기관명, (보관하는 경우) 휴대전화 번호',
      refuse: '거부해도 불이익이 없습니다. 등록은 그대로 진행됩니다.',
    },
  },
  requiredRefused: '필수 항목에 동의하지 않으면 현장등록을 할 수 없습니다.',
  submit: '등록 및 입장 처리',
  submitPrint: '등록·입장 처리 및 명찰 출력',
  saving: '저장 중…',
  failed: '저장되지 않았습니다: {{reason}} 등록된 것은 없습니다. 다시 시도하세요.',
  problem: {
    name_required: '성명을 입력하세요.',
    name_too_long: '성명이 너무 깁니다 (최대 100자).',
    company_too_long: '회사·기관명이 너무 깁니다 (최대 100자).',
    category_required: '구분을 선택하세요.',
    phone_invalid: '휴대전화 번호가 올바르지 않습니다 (숫자, 공백, + - ( )만).',
    consent_required: '등록하려면 필수 항목에 동의해야 합니다.',
  },
};
