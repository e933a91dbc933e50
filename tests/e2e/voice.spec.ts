// Voice guidance and aria-live at the desk, in real Chromium. Headless Chromium
// has no voices, so the first test injects a speechSynthesis spy before the page
// loads (voices for ko-KR and en-US that record what they are asked to say); the
// second runs on the bare browser, where nothing is spoken and the live regions
// must still carry every verdict. The third walks the self-service screens.
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { openAtCheckpoint, scan, scannerType } from './support/kiosk';
import { LOOKALIKES, openSelfService } from './support/self';

const kim = demoTicket(0); // 김철현: valid everywhere

interface Said { text?: string; lang?: string; voice?: string | null; volume?: number; rate?: number; cancel?: true }

async function installSpeechSpy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: unknown[] = [];
    (window as unknown as { __said: unknown[] }).__said = said;
    const voices = [
      { name: 'Spy English', lang: 'en-US', localService: true, default: true, voiceURI: 'spy-en' },
      { name: 'Spy Korean', lang: 'ko-KR', localService: true, default: false, voiceURI: 'spy-ko' },
    ];
    class SpyUtterance {
      lang = '';
      voice: { name: string } | null = null;
      volume = 1;
      rate = 1;
      onend: (() => void) | null = null;
      constructor(public text: string) {}
    }
    const spy = {
      speaking: false,
      pending: false,
      paused: false,
      getVoices: () => voices,
      speak(u: SpyUtterance) {
        said.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null, volume: u.volume, rate: u.rate });
        setTimeout(() => u.onend?.(), 10);
      },
      cancel() {
        said.push({ cancel: true });
      },
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: spy, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: SpyUtterance, configurable: true });
  });
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { __said: Said[] }).__said.filter((s) => !s.cancel));

test('each verdict is said in the UI language and put in the assertive live region; replay says it again', async ({ page }) => {
  await installSpeechSpy(page);
  await openAtCheckpoint(page, 'ceremony');
  // The waiting prompt: polite region, Korean voice.
  await expect(page.getByTestId('live-polite')).toHaveText('QR 코드를 스캔하세요');
  await expect.poll(() => said(page)).toContainEqual(expect.objectContaining({ text: 'QR 코드를 스캔하세요', lang: 'ko-KR', voice: 'Spy Korean' }));

  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('live-assertive')).toHaveText('환영합니다');
  await expect.poll(async () => (await said(page)).at(-1)).toMatchObject({ text: '환영합니다', lang: 'ko-KR', voice: 'Spy Korean', volume: 1, rate: 1 });

  // A refusal says why; never the name (a kiosk's speaker is heard by the whole queue).
  await expect(await scan(page, kim.code)).toHaveAttribute('data-reason', 'already_checked_in');
  await expect(page.getByTestId('live-assertive')).toHaveText('입장 불가. 이미 체크인됨');
  await expect.poll(async () => (await said(page)).at(-1)?.text).toBe('입장 불가. 이미 체크인됨');
  expect(JSON.stringify(await said(page))).not.toContain(kim.name);
  await expect(page.getByTestId('live-assertive')).not.toContainText(kim.name);

  // English UI: the next verdict in English with the English voice; replay repeats it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(await scan(page, 'ICW25-NOSUCHCODE')).toHaveAttribute('data-reason', 'unknown_ticket');
  await expect(page.getByTestId('live-assertive')).toHaveText('Not admitted. Ticket not found');
  await expect.poll(async () => (await said(page)).at(-1)).toMatchObject({ text: 'Not admitted. Ticket not found', lang: 'en-US', voice: 'Spy English' });
  const before = (await said(page)).length;
  await page.getByTestId('voice-replay').click();
  await expect.poll(async () => (await said(page)).slice(before)).toEqual([expect.objectContaining({ text: 'Not admitted. Ticket not found', lang: 'en-US' })]);
});

test('without any voice (bare headless Chromium) the live regions still carry the prompt and each verdict', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  expect(await page.evaluate(() => ('speechSynthesis' in window ? speechSynthesis.getVoices().length : 0))).toBe(0);
  await openAtCheckpoint(page, 'ceremony', { lang: 'en' });
  await expect(page.getByTestId('live-polite')).toHaveText('Scan your QR code');
  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('live-assertive')).toHaveText('Welcome');
  await expect(await scan(page, kim.code)).toHaveAttribute('data-reason', 'already_checked_in');
  await expect(page.getByTestId('live-assertive')).toHaveText('Not admitted. Already checked in');
  await page.getByTestId('voice-replay').click();
  await expect(page.getByTestId('live-assertive')).toHaveText('Not admitted. Already checked in');
  expect(errors).toEqual([]);
});

test('self-service: each step is said and put in the live regions; the session offers voice controls and the help call', async ({ page }) => {
  await installSpeechSpy(page);
  await openSelfService(page);
  await page.getByTestId('self-start-name').click();
  await expect(page.getByTestId('live-polite')).toHaveText('성함을 모두 입력하세요');
  await expect.poll(async () => (await said(page)).at(-1)).toMatchObject({ text: '성함을 모두 입력하세요', lang: 'ko-KR', voice: 'Spy Korean' });
  await expect(page.getByTestId('self-a11y').getByTestId('voice-controls')).toBeVisible();

  // Not paired in this test: the help call says honestly that nobody upstream hears it.
  await page.getByTestId('help-call-button').click();
  await expect(page.getByTestId('help-call')).toHaveAttribute('data-help-state', 'unpaired');
  await expect(page.getByTestId('live-assertive')).toContainText('연결되어 있지 않습니다');

  await scannerType(page, LOOKALIKES[3]!.code);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('live-assertive')).toHaveText('환영합니다');
  await expect.poll(async () => (await said(page)).at(-1)).toMatchObject({ text: '환영합니다', lang: 'ko-KR' });
  expect(JSON.stringify(await said(page))).not.toContain('Jane Dow');
});
