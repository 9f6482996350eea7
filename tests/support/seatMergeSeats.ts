import type { CreateSessionResponse } from '@runde/shared';
import type { IntegrationSuite } from './integrationSuite.ts';
import { createTeamSpaceOverHttp, joinOverHttp, waitUntil, type TestClient } from './serverClients.ts';

/** The seat-merge integration tests' cast: one person (Ana) seated twice, a bystander (Ben), a facilitator (Fee). */
export interface AnaTwiceAndBen {
  created: CreateSessionResponse;
  fee: TestClient;
  ana: TestClient;
  /** Ana's second seat, "Ana Handy". */
  phone: TestClient;
  ben: TestClient;
  all: TestClient[];
}

/** A new team space `title` opened by Fee, joined by Ana, "Ana Handy" and Ben, every device online. */
export async function anaTwiceAndBen(suite: IntegrationSuite, title: string): Promise<AnaTwiceAndBen> {
  const created = await createTeamSpaceOverHttp(suite.url, { title, facilitatorName: 'Fee' });
  const join = async (name: string) => suite.connect(await joinOverHttp(suite.url, created.sessionId, name));
  const fee = await suite.connect(created);
  const ana = await join('Ana');
  const phone = await join('Ana Handy');
  const ben = await join('Ben');
  const all = [fee, ana, phone, ben];
  await waitUntil('everyone online', () => all.every((c) => c.mirror.space?.participants.every((p) => p.online)));
  return { created, fee, ana, phone, ben, all };
}
