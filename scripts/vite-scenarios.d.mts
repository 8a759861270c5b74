import type { Plugin } from 'vite';
export declare function shippedScenarios(): Plugin;
