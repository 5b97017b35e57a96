// The ids live in lib/ids.ts (the registries and the dictionaries are typed by them too).
export * from '../ids';
