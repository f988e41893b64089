// Mocks shared by the component tests: the callbacks the advocacy parts are given, and the api
// the lobbying parts call.
import { vi } from 'vitest';

/** What the statements and lobbying parts tell the app, each a mock. */
export function advocacyEvents() {
  return {
    oncalendarchanged: vi.fn(),
    onopenrecommendation: vi.fn(),
    onstatus: vi.fn(),
    onerror: vi.fn(),
    onexport: vi.fn(),
  };
}

/**
 * The api of the lobbying mode, each command a mock:
 * `vi.mock('../ipc/api', () => import('../../test/mocks').then((m) => m.lobbyingApi()))`.
 */
export function lobbyingApi() {
  return {
    api: {
      whoToMeetFirst: vi.fn(),
      statePage: vi.fn(),
      setStateLobbying: vi.fn(),
      saveContact: vi.fn(),
      deleteContact: vi.fn(),
      saveMeeting: vi.fn(),
      deleteMeeting: vi.fn(),
    },
  };
}
