// What every console page gets from the shell: the role (viewer pages hide
// write controls; the server refuses them anyway), the events, the chosen one,
// and a way to say "the session is gone" when a call comes back 401.
import { createContext, useContext } from 'react';
import type { ConsoleRole } from '../core/console-api';
import type { EventBundle } from '../core/protocol';

export interface ConsoleState {
  role: ConsoleRole;
  canWrite: boolean;
  events: EventBundle[];
  event: EventBundle | undefined;
  selectEvent(id: string): void;
  reloadEvents(selectId?: string): Promise<void>;
  /** Call with any error: a 401 sends the user back to the login form. */
  handleError(err: unknown): string;
}

export const ConsoleContext = createContext<ConsoleState | null>(null);

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext);
  if (!state) throw new Error('useConsole outside the console shell');
  return state;
}
