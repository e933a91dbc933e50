// Unit and integration tests (Node). Browser e2e lives in tests/e2e and runs under Playwright.
// Two projects so only integration runs start the throwaway PostgreSQL (tests/integration/global-setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
