import type { BrowserContext } from 'playwright-core';
export declare const READY_SELECTOR: string;
export declare const READY_MARK: string;
export declare const PLAYER_MARK: string;
export declare function scriptsUntilReady(context: BrowserContext, url: string, timeoutMs?: number): Promise<string[]>;
