import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientHashShareError, createLimiter, PasswordHasherBusyError } from './passwords';

/** A task that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => opened.then(() => 'done') };
}

describe('the password hasher limiter', () => {
  it('runs `limit` at once, queues `maxWaiting` more, refuses the rest at once, and accepts again once the queue drains', async () => {
    const run = createLimiter(1, 2);
    const first = gate();
    const running = run('c', first.task);
    const queued = [run('c', () => Promise.resolve('q1')), run('c', () => Promise.resolve('q2'))];
    await expect(run('c', () => Promise.resolve('too many'))).rejects.toBeInstanceOf(PasswordHasherBusyError);
    first.open();
    await expect(running).resolves.toBe('done');
    await expect(Promise.all(queued)).resolves.toEqual(['q1', 'q2']);
    await expect(run('c', () => Promise.resolve('later'))).resolves.toBe('later');
  });

  it('hands a finished place to the first in line: a newcomer arriving at that moment waits, never running limit + 1', async () => {
    const run = createLimiter(1, 8);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const tracked = (name: string, body: () => Promise<unknown>) => async () => {
      running++;
      most = Math.max(most, running);
      try {
        return await body();
      } finally {
        running--;
        order.push(name);
      }
    };
    const a = gate();
    const b = gate();
    let rc: Promise<unknown> | undefined;
    // A newcomer timed to arrive one tick after a finishes: in the gap between
    // a's place being freed and b (first in line) waking up to take it.
    const ra = run('x', () => {
      const done = tracked('a', a.task)();
      void done.then(() =>
        Promise.resolve().then(() => {
          rc = run('x', tracked('c', () => Promise.resolve()));
        }),
      );
      return done;
    });
    const rb = run('x', tracked('b', b.task));
    a.open();
    await ra;
    b.open();
    await rb;
    await rc;
    expect(most).toBe(1);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('one client holds at most its share: beyond it only that client is refused (429), another still gets in', async () => {
    const run = createLimiter(1, 10, 3);
    const first = gate();
    const flood = [run('flooder', first.task), run('flooder', () => Promise.resolve('f2')), run('flooder', () => Promise.resolve('f3'))];
    await expect(run('flooder', () => Promise.resolve('f4'))).rejects.toBeInstanceOf(ClientHashShareError);
    const other = run('other', () => Promise.resolve('mine'));
    first.open();
    await expect(other).resolves.toBe('mine');
    await expect(Promise.all(flood)).resolves.toEqual(['done', 'f2', 'f3']);
  });

  it('clients take turns: a login arriving behind a flood waits for one of the flood’s hashes, not all of them', async () => {
    const run = createLimiter(1, 100, 50);
    const order: string[] = [];
    const first = gate();
    const task = (name: string) => async () => void order.push(name);
    const flood = [run('flooder', first.task), ...Array.from({ length: 5 }, (_, i) => run('flooder', task(`f${i + 1}`)))];
    const mine = run('other', task('mine'));
    first.open();
    await Promise.all([...flood, mine]);
    expect(order).toEqual(['f1', 'mine', 'f2', 'f3', 'f4', 'f5']);
  });

  it('refuses a limit that would queue every task for ever', () => {
    expect(() => createLimiter(0, 64)).toThrow(RangeError);
    expect(() => createLimiter(-1, 64)).toThrow(RangeError);
    expect(() => createLimiter(Number.NaN, 64)).toThrow(RangeError);
  });
});

describe('PASSWORD_HASH_CONCURRENCY', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is read through lib/env.ts, so a bad value stops the server at boot instead of hanging every hash', async () => {
    vi.stubEnv('PASSWORD_HASH_CONCURRENCY', '-1');
    vi.resetModules();
    await expect(import('./passwords')).rejects.toThrow(/PASSWORD_HASH_CONCURRENCY must be a positive integer/);
  });
});

describe('a busy hasher', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('an unknown-user login costs what a seeded account costs: it never waits in (or fills) the stretched line', async () => {
    vi.stubEnv('PASSWORD_HASH_CONCURRENCY', '1');
    vi.stubEnv('PASSWORD_HASH_QUEUE_LIMIT', '1');
    vi.resetModules();
    const { hashPassword, verifyAgainstDummy, verifyPassword, PRINTED_DEMO_PASSWORD_PARAMS } = await import('./passwords');
    const busy = [hashPassword('one running'), hashPassword('one waiting')];
    await expect(verifyAgainstDummy('guess')).resolves.toBe(false);
    const seeded = await hashPassword('amber-birch-1234', PRINTED_DEMO_PASSWORD_PARAMS);
    expect(seeded).toMatch(/^scrypt\$N=64,r=8,p=1\$/);
    await expect(verifyPassword('amber-birch-1234', seeded)).resolves.toBe(true);
    await expect(verifyPassword('amber-birch-1235', seeded)).resolves.toBe(false);
    await Promise.all(busy);
  });

  it('still hashes and verifies random secrets (a matrix run makes ~230 at once): only stretched hashes queue', async () => {
    vi.stubEnv('PASSWORD_HASH_CONCURRENCY', '1');
    vi.stubEnv('PASSWORD_HASH_QUEUE_LIMIT', '1');
    vi.resetModules();
    const { hashPassword, verifyPassword, RANDOM_SECRET_PARAMS } = await import('./passwords');
    const busy = [hashPassword('one running'), hashPassword('one waiting')];
    await expect(hashPassword('a third, stretched')).rejects.toMatchObject({ name: 'PasswordHasherBusyError' });
    const secrets = await Promise.all(Array.from({ length: 50 }, (_, i) => hashPassword(`secret ${i}`, RANDOM_SECRET_PARAMS)));
    await expect(verifyPassword('secret 7', secrets[7]!)).resolves.toBe(true);
    await Promise.all(busy);
  });
});
