/** The pure rules of the service: no DOM, no fetch. Guards, the backend and the screens share them. */
export * from './check';
export * from './text';
export * from './provisional-code';
export * from './nir';
export * from './card';
export * from './dates';
export * from './email';
export * from './mobile';
export * from './otp';
export * from './identifier';
export * from './password';
export * from './masking';
export * from './random';
