/**
 * The one part of `@statelyai/inspect` the app uses: its browser inspector (a window of Stately's site fed
 * by `postMessage`). Imported on demand through this module, rather than as the package's whole namespace,
 * so that the bundle leaves out what only its other inspectors need (WebSocket, PartyKit, superjson).
 */
export { createBrowserInspector } from '@statelyai/inspect';
