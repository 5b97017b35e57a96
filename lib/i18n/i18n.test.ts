import { describe, expect, it } from 'vitest';
import { defineNamespace, format } from './define';
import { dictionaries } from './dictionaries';
import { localeFromAcceptLanguage } from './config';
import { translator } from './translate';

describe('dictionaries', () => {
  it.each(Object.entries(dictionaries))('%s has the same keys in en and ja, none empty', (_name, ns) => {
    expect(Object.keys(ns.ja).sort()).toEqual(Object.keys(ns.en).sort());
    for (const value of [...Object.values(ns.en), ...Object.values(ns.ja)]) expect(value.trim()).not.toBe('');
  });

  it.each(Object.entries(dictionaries))('%s uses the same placeholders in both languages', (_name, ns) => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ns.en)) {
      expect(placeholders((ns.ja as Record<string, string>)[key]!), key).toEqual(placeholders((ns.en as Record<string, string>)[key]!));
    }
  });

  it('refuses a Japanese table that lacks or adds a key (type level)', () => {
    // @ts-expect-error -- `b` is missing from ja
    defineNamespace({ a: 'A', b: 'B' }, { a: 'あ' });
    // @ts-expect-error -- `c` is not an English key
    defineNamespace({ a: 'A' }, { a: 'あ', c: 'う' });
  });
});

describe('format and translator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('in {n} s, {who}', { n: 3 })).toBe('in 3 s, {who}');
  });
  it('looks up by locale', () => {
    expect(translator('ja', 'home')('start')).toBe('ラボを始める');
    expect(translator('en', 'home')('start')).toBe('Start a lab');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('takes the best-ranked supported language', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('fr;q=1, en;q=0.5, ja;q=0.7')).toBe('ja');
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
