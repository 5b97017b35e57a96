import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

/**
 * Issue 13.1, against the real server (`next start`): who a client is comes
 * from the TCP peer (lib/client-address.ts via the socket hook in
 * lib/request-target.ts), never from a header the client sends, and the
 * per-client shares (lab creation, the password hasher) and the global lab cap
 * answer 429 / 503 with Retry-After and `{ error, reason }`.
 *
 * Its own server with small caps; the requests leave from different loopback
 * addresses (127.0.0.x all reach a server on 127.0.0.1 under Linux).
 */
let server: RunningServer | undefined;
beforeAll(async () => {
  server = await startServer({
    env: {
      LAB_LIMIT: '8',
      LABS_PER_CLIENT: '100',
      LAB_CREATIONS_PER_CLIENT_PER_MINUTE: '2',
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASHES_PER_CLIENT: '3',
      REQUESTS_IN_FLIGHT_PER_CLIENT: '24',
    },
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

function send(from: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(server!.baseUrl + path);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname,
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers, ...(data ? { 'content-length': String(Buffer.byteLength(data)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const createLab = (from: string, headers: Record<string, string> = {}) => send(from, 'POST', '/api/labs', undefined, headers);

type Lab = { labId: string; users: { username: string; password: string }[] };

/** A lab whose alice chose her own password: her logins are stretched hashes, through the hasher's line. */
async function labWithChosenPassword(from: string): Promise<{ labId: string; password: string }> {
  const created = await createLab(from);
  expect(created.status).toBe(201);
  const { labId, users } = created.body as unknown as Lab;
  const old = users.find((u) => u.username === 'alice')!.password;
  const login = await send(from, 'POST', `/api/labs/${labId}/jwt/login`, { username: 'alice', password: old });
  expect(login.status).toBe(200);
  const cookie = String(login.headers['set-cookie']![0]).split(';')[0]!;
  const password = 'chosen-by-alice-123';
  const changed = await send(from, 'POST', `/api/labs/${labId}/jwt/password`, { currentPassword: old, newPassword: password }, { cookie });
  expect(changed.status).toBe(200);
  return { labId, password };
}

function expectRefusal(res: Answer, status: number, reason: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ reason });
  expect(typeof res.body.error).toBe('string');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('fair shares per client (issue 13.1)', () => {
  it('one client failing logins in a burst holds at most its share of the hasher (429); another client’s login still succeeds', async () => {
    const flooder = await labWithChosenPassword('127.0.0.6');
    const other = await labWithChosenPassword('127.0.0.7');
    const burst = Array.from({ length: 20 }, () =>
      send('127.0.0.6', 'POST', `/api/labs/${flooder.labId}/session/login`, { username: 'alice', password: 'wrong-password-1' }),
    );
    const mine = send('127.0.0.7', 'POST', `/api/labs/${other.labId}/session/login`, { username: 'alice', password: other.password });
    const answers = await Promise.all(burst);
    expect((await mine).status).toBe(200);
    const refused = answers.filter((a) => a.status === 429 && a.body.reason === 'too-many-password-hashes');
    // At most PASSWORD_HASHES_PER_CLIENT (3) of the 20 reached the hasher; every other was refused at once.
    expect(refused.length).toBeGreaterThanOrEqual(17 - 5);
    expectRefusal(refused[0]!, 429, 'too-many-password-hashes');
    expect(answers.every((a) => [401, 429].includes(a.status))).toBe(true);
  });

  it('two loopback source addresses are two clients, and a client-sent x-revocation-lab-peer or X-Forwarded-For changes nothing', async () => {
    expect((await createLab('127.0.0.2')).status).toBe(201);
    expect((await createLab('127.0.0.2')).status).toBe(201);
    const third = await createLab('127.0.0.2');
    expectRefusal(third, 429, 'too-many-lab-creations');
    expect(third.body.error).toBe('too-many-requests');
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Claiming to be someone else does not lift the limit…
    const spoofs: Record<string, string>[] = [{ 'x-revocation-lab-peer': '127.0.0.3' }, { 'x-forwarded-for': '127.0.0.3' }, { 'x-forwarded-for': '10.9.8.7, 127.0.0.3' }];
    for (const spoof of spoofs) {
      expectRefusal(await createLab('127.0.0.2', spoof), 429, 'too-many-lab-creations');
    }
    // …and is not charged to the address claimed: 127.0.0.3 still has its whole share.
    expect((await createLab('127.0.0.3')).status).toBe(201);
    expect((await createLab('127.0.0.3')).status).toBe(201);
    expectRefusal(await createLab('127.0.0.3'), 429, 'too-many-lab-creations');
  });

  it('past LAB_LIMIT live labs in all, a new lab is 503 lab-limit-reached for every client; logins to existing labs go on', async () => {
    // 2 + 4 labs so far (the tests above); 127.0.0.4 takes the last two places.
    const last = await createLab('127.0.0.4');
    expect(last.status).toBe(201);
    expect((await createLab('127.0.0.4')).status).toBe(201);
    const full = await createLab('127.0.0.5');
    expectRefusal(full, 503, 'lab-limit-reached');
    expect(full.body.error).toBe('unavailable');
    const { labId, users } = last.body as unknown as Lab;
    const bob = users.find((u) => u.username === 'bob')!;
    expect((await send('127.0.0.5', 'POST', `/api/labs/${labId}/session/login`, { username: 'bob', password: bob.password })).status).toBe(200);
  });

  it('one client holds at most REQUESTS_IN_FLIGHT_PER_CLIENT requests open: the next is 429 at the socket, another client is served, and a hang-up frees the place', async () => {
    const { port } = new URL(server!.baseUrl);
    // Requests whose bodies never come: each stays open in the handler, as a flood's would.
    const holdOne = (from: string) =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: from }, () => {
          socket.write(`POST /api/labs/AAAAAAAAAAAAAAAAAAAAAA/session/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`);
          resolve(socket);
        });
        socket.on('error', reject);
      });
    const held = await Promise.all(Array.from({ length: 24 }, () => holdOne('127.0.0.8')));
    await new Promise((r) => setTimeout(r, 500)); // let the server see every one
    // Each refusal is held for the second its Retry-After names (lib/held-refusals.ts), so an instant
    // retry cannot spin. A floor, not a speed goal; the fastest of three, as a loaded machine can make
    // one unpaused answer slow too.
    const waits: number[] = [];
    let refused: Answer | undefined;
    for (let i = 0; i < 3; i++) {
      const askedAt = Date.now();
      refused = await send('127.0.0.8', 'GET', '/api/health');
      waits.push(Date.now() - askedAt);
      expectRefusal(refused, 429, 'too-many-requests-in-flight');
    }
    expect(Math.min(...waits), `refusals answered after ${waits.join(', ')} ms`).toBeGreaterThanOrEqual(950);
    expect(refused!.headers['retry-after']).toBe('1');
    expect((await send('127.0.0.9', 'GET', '/api/health')).status).toBe(200);
    for (const socket of held) socket.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect((await send('127.0.0.8', 'GET', '/api/health')).status).toBe(200);
  });
});
