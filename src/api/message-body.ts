/**
 * The JSON text of a request or an answer between the page and its simulated backend, kept beside the
 * `Request` or `Response` rather than read back from its body.
 *
 * Requests: a `Request` built with a body carries it as a stream. MSW clones every request it is given (to
 * keep it readable for logging), which tees that stream, and reading a teed body back costs a millisecond
 * or two of the page's main thread on each request (measured in Chromium). The page's fetch
 * (src/backend/browser.ts) therefore gives MSW the request without its body, and the body's text here,
 * keyed by that very request (MSW passes it on to the resolver).
 *
 * Answers: reading any `Response`'s body in Chromium waits for a task of its own, even when the body is a
 * string already in memory. After a key or a click the browser paints a frame before that task, so the
 * site's answer, and the screen it leads to, came one frame later than the click's own work. The handlers
 * (src/backend/handlers.ts) keep their answer's text here too, and the API client (src/api/client.ts)
 * reads it from here: the answer is handled in the same task as the request, within microtasks.
 *
 * The bodies stay in the messages as well: a request from anywhere else (node tests through msw/node, a
 * request built by hand) or an answer from the network is read as usual.
 */
const bodies = new WeakMap<Request | Response, string>();

/** Keeps `text` as the body of `message` (a request built without one, or an answer with that very body). */
export function keepBody(message: Request | Response, text: string): void {
  bodies.set(message, text);
}

/** The body of `message` as text: the one kept beside it, or its own. */
export async function bodyText(message: Request | Response): Promise<string> {
  return bodies.get(message) ?? message.text();
}
