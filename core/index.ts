// The public API of core: domain types, time, ticket codes, the check-in
// rules, search keys, roster import and ids. Other layers import from here.

export * from './model';
export * from './time';
export * from './code';
export * from './decide';
export * from './search';
export * from './csv';
export * from './ids';
