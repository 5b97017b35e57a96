import { inject } from 'vitest';
import { HttpAgent } from '@/lib/http-agent';

export const baseUrl = () => inject('baseUrl');

export type DemoUser = { username: string; password: string; role: 'admin' | 'user' };
export type TestLab = { labId: string; users: DemoUser[]; api: (rest: string) => string; password: (u: string) => string };

/** A fresh lab per test: tests never share state. */
export async function newLab(): Promise<TestLab> {
  const res = await new HttpAgent(baseUrl()).post('/api/labs');
  if (res.status !== 201) throw new Error(`lab creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { labId, users } = res.body as { labId: string; users: DemoUser[] };
  return {
    labId,
    users,
    api: (rest) => `/api/labs/${labId}${rest}`,
    password: (u) => users.find((x) => x.username === u)!.password,
  };
}

export const agent = () => new HttpAgent(baseUrl());

export async function loginAs(lab: TestLab, strategy: string, username: string): Promise<HttpAgent> {
  const a = agent();
  const res = await a.post(lab.api(`/${strategy}/login`), { username, password: lab.password(username) });
  if (res.status !== 200) throw new Error(`login ${strategy}/${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return a;
}

/**
 * Logs `username` in on `server` and changes the password to `chosen`: a
 * password a person chose, so the server hashes it with the full OWASP
 * parameters (seeded demo accounts are cheap) — unless that server runs with
 * the test-only UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING, as the shared one does.
 * For tests about what stretched hashes cost: run them on a server of their own.
 */
export async function choosePassword(server: string, labId: string, username: string, current: string, chosen: string): Promise<void> {
  const a = new HttpAgent(server);
  const login = await a.post(`/api/labs/${labId}/session/login`, { username, password: current });
  if (login.status !== 200) throw new Error(`login ${username} failed: ${login.status} ${JSON.stringify(login.body)}`);
  const change = await a.post(`/api/labs/${labId}/session/password`, { currentPassword: current, newPassword: chosen });
  if (change.status !== 200) throw new Error(`password change for ${username} failed: ${change.status} ${JSON.stringify(change.body)}`);
}
