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
