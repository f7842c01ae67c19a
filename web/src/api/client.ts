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

const inFlight = new Set<Promise<Response>>();

// Waits until no request is in flight, or `limitMs` has passed. Logging out waits for this first:
// a page's requests still on their way when the session ends would come back 401.
export async function settled(limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (inFlight.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      }),
    ]);
    clearTimeout(timer);
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': settings.language(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const token = settings.csrfToken();
  if (unsafe.has(method) && token) headers['X-CSRF-Token'] = token;
  const sent = fetch(url(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  inFlight.add(sent);
  let response: Response;
  try {
    response = await sent;
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
