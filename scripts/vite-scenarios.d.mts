import type { Plugin } from 'vite';
export declare function shippedScenarios(options?: { fetched?: boolean }): Plugin;
