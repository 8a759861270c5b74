/**
 * The JSON text of a request the page's own `fetch` (src/backend/browser.ts) hands to the handlers, kept
 * beside the request rather than in it.
 *
 * A `Request` built with a body carries it as a stream: MSW clones every request it is given (to keep it
 * readable for logging), which tees that stream, and reading a teed body back costs a millisecond or two
 * of the page's main thread on each request (measured in Chromium), on every step of the pas à pas that
 * waits for the site's answer. The page's fetch therefore gives MSW the request without its body, and the
 * body's text here, keyed by that very request (MSW passes it on to the resolver). A request from anywhere
 * else (node tests through msw/node, a request built by hand) has its body in it, and is read as usual.
 */
const bodies = new WeakMap<Request, string>();

/** Keeps `text` as the body of `request` (a request built without one). */
export function attachBody(request: Request, text: string): void {
  bodies.set(request, text);
}

/** The body of `request` as text: the one kept beside it, or its own. */
export async function requestText(request: Request): Promise<string> {
  return bodies.get(request) ?? request.text();
}
