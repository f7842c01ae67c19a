// The one request client: JSON in and out, the session's CSRF token on writes, the UI's language
// for the server's messages, and RFC 9457 problems turned into an ApiError with a message per
// field, so a form can show each next to its input.

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly fields: FieldProblem[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, type: string, message: string, fields: FieldProblem[], retryAfterSeconds: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  // The message for one form field, if the server named it.
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

export interface Answer<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  body?: unknown;
  form?: FormData; // a multipart body (a file upload); the browser sets its Content-Type
  query?: Record<string, string | number | boolean | null | undefined>;
  ifMatch?: string;
}

interface ClientSettings {
  language: () => string;
  csrfToken: () => string | null;
  onUnauthorized: () => void;
}

let settings: ClientSettings = {
  language: () => 'zh-CN',
  csrfToken: () => null,
  onUnauthorized: () => {},
};

export function configureClient(s: Partial<ClientSettings>): void {
  settings = { ...settings, ...s };
}

function url(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function problemOf(response: Response): Promise<ApiError> {
  const retry = response.headers.get('Retry-After');
  const retryAfter = retry !== null && /^\d+$/.test(retry) ? Number(retry) : null;
  let type = '';
  let message = response.statusText || `HTTP ${response.status}`;
  let fields: FieldProblem[] = [];
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      const body = (await response.json()) as {
        type?: string;
        title?: string;
        detail?: string;
        errors?: { field?: unknown; message?: unknown }[];
      };
      type = body.type ?? '';
      message = body.detail || body.title || message;
      fields = (body.errors ?? [])
        .filter((e) => typeof e.field === 'string' && typeof e.message === 'string')
        .map((e) => ({ field: e.field as string, message: e.message as string }));
    } catch {
      // An unreadable body keeps the status line's words.
    }
  }
  return new ApiError(response.status, type, message, fields, retryAfter);
}

// Requests on their way, each with the means to call it off.
const inFlight = new Map<Promise<Response>, AbortController>();
// True while the session is being ended: the page's requests are then not sent.
let ending = false;

// Settles when no request is in flight, or once `limitMs` has passed.
async function settled(limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (inFlight.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...inFlight.keys()]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      }),
    ]);
    clearTimeout(timer);
  }
}

// A request the page will never see answered: its page is going away with the session.
function unanswered<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

// Ends the session with DELETE `path` once the page's requests have been answered, or after
// `limitMs` with the rest called off; requests the page starts meanwhile are not sent. Answered
// after the session had ended, they would come back 401; called off or unsent, they are simply
// never answered (the caller then leaves the page).
export async function endSession(path: string, limitMs: number): Promise<void> {
  ending = true;
  try {
    await settled(limitMs);
    for (const controller of inFlight.values()) controller.abort();
    await send<void>('DELETE', path, {});
  } finally {
    ending = false;
  }
}

export function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  if (ending) return unanswered();
  return send<T>(method, path, options);
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': settings.language(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const token = settings.csrfToken();
  if (unsafe.has(method) && token) headers['X-CSRF-Token'] = token;
  const controller = new AbortController();
  const sent = fetch(url(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: controller.signal,
  });
  inFlight.set(sent, controller);
  let response: Response;
  try {
    response = await sent;
  } catch (e) {
    if (controller.signal.aborted) return unanswered();
    throw e;
  } finally {
    inFlight.delete(sent);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) settings.onUnauthorized();
    throw problem;
  }
  const etag = response.headers.get('ETag');
  if (response.status === 204) return { data: undefined as T, etag };
  return { data: (await response.json()) as T, etag };
}
