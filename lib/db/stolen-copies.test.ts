import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './testing';
import { createLab } from '../labs/create';

describe('stolen_copies (the attacker store)', () => {
  it('numbers copies per lab from 1, finds them only in their own lab, and goes with its lab', async () => {
    const store = createMemoryStore();
    const a = await createLab(store);
    const b = await createLab(store);
    expect(store.stolenCopies.insert(a.lab.id, 'jwt', 'bob', 10, '[{"name":"rl_jwt","value":"x"}]', 'h1')).toBe(1);
    expect(store.stolenCopies.insert(a.lab.id, 'jwt', 'bob', 11, '[{"name":"rl_jwt","value":"y"}]', 'h2')).toBe(2);
    expect(store.stolenCopies.insert(b.lab.id, 'session', null, 12, '[{"name":"rl_session","value":"z"}]', 'h3')).toBe(1);
    expect(store.stolenCopies.find(b.lab.id, 2)).toBeUndefined();
    expect(store.stolenCopies.list(a.lab.id).map((c) => c.copy_no)).toEqual([1, 2]);
    store.labs.deleteById(a.lab.id);
    expect(store.stolenCopies.count(a.lab.id)).toBe(0);
    expect(store.stolenCopies.count(b.lab.id)).toBe(1);
  });
});
