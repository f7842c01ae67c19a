import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, configureClient, endSession, request } from '../../src/api/client';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('sends the language, the CSRF token on writes and If-Match, and returns the ETag', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { id: 7 }, { 'Content-Type': 'application/json', ETag: '"3"' }));
    vi.stubGlobal('fetch', fetch);
    configureClient({ language: () => 'en', csrfToken: () => 'tok' });
    const got = await request<{ id: number }>('PATCH', '/api/v1/projects/7', { body: { name: 'x' }, ifMatch: '"2"' });
    expect(got).toEqual({ data: { id: 7 }, etag: '"3"' });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/projects/7');
    expect(init.headers).toMatchObject({ 'Accept-Language': 'en', 'X-CSRF-Token': 'tok', 'If-Match': '"2"' });
    expect(init.body).toBe('{"name":"x"}');
  });

  it('leaves empty query values out', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { items: [] }, { 'Content-Type': 'application/json' }));
    vi.stubGlobal('fetch', fetch);
    await request('GET', '/api/v1/projects', { query: { city: '140100', q: '', zone: undefined, page: 2 } });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/projects?city=140100&page=2');
  });

  it('turns a problem into an ApiError with a message per field', async () => {
    const problem = {
      type: 'https://sanpi.example/problems/validation-error',
      title: '输入校验未通过',
      status: 422,
      detail: '输入有误',
      errors: [{ field: 'stage_date', message: '日期不能晚于今天' }],
    };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(422, problem, { 'Content-Type': 'application/problem+json' })));
    const error = await request('POST', '/api/v1/projects', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(422);
    expect(e.message).toBe('输入有误');
    expect(e.fieldMessage('stage_date')).toBe('日期不能晚于今天');
    expect(e.fieldMessage('name')).toBeUndefined();
  });

  it('reads Retry-After of an overloaded server and reports a 401 to the session', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(503, undefined, { 'Retry-After': '1' })));
    const busy = (await request('GET', '/api/v1/dashboard').catch((e: unknown) => e)) as ApiError;
    expect(busy.retryAfterSeconds).toBe(1);
    const signedOut = vi.fn();
    configureClient({ onUnauthorized: signedOut });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(401, { title: 'x' }, { 'Content-Type': 'application/problem+json' })));
    await request('GET', '/api/v1/session').catch(() => undefined);
    expect(signedOut).toHaveBeenCalledOnce();
  });
});

describe('request with a form', () => {
  it('sends the form as it is, without a JSON content type, with the CSRF token', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(201, { id: 1 }, { 'Content-Type': 'application/json' }));
    vi.stubGlobal('fetch', fetch);
    configureClient({ csrfToken: () => 'tok' });
    const form = new FormData();
    form.append('kind', 'projects');
    await request('POST', '/api/v1/imports', { form });
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init.body).toBe(form);
    expect(init.headers).toMatchObject({ 'X-CSRF-Token': 'tok' });
    expect(init.headers).not.toHaveProperty('Content-Type');
  });
});

describe('endSession', () => {
  // A fetch that answers only when told, and says which requests were sent.
  function heldFetch() {
    const sent: { url: string; init: RequestInit; answer: (r: Response) => void }[] = [];
    const fetch = vi.fn(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          sent.push({ url, init, answer: resolve });
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    vi.stubGlobal('fetch', fetch);
    return sent;
  }
  const json = () => answer(200, {}, { 'Content-Type': 'application/json' });

  it('waits for the requests on their way, sends none the page starts meanwhile, then ends the session', async () => {
    const sent = heldFetch();
    const first = request('GET', '/api/v1/notices');
    let ended = false;
    const ending = endSession('/api/v1/session', 10_000).then(() => (ended = true));
    let late = false;
    void request('GET', '/api/v1/dashboard').then(() => (late = true));
    expect(sent.map((s) => s.url)).toEqual(['/api/v1/notices']);
    sent[0]?.answer(json());
    await first;
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]?.url).toBe('/api/v1/session');
    expect(sent[1]?.init.method).toBe('DELETE');
    expect(ended).toBe(false);
    sent[1]?.answer(answer(204, undefined));
    await ending;
    expect(late).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it('calls off what is still on its way after its limit, and the page never sees an answer', async () => {
    const sent = heldFetch();
    let seen = false;
    void request('GET', '/api/v1/notices').then(
      () => (seen = true),
      () => (seen = true),
    );
    const ending = endSession('/api/v1/session', 50);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]?.init.signal?.aborted).toBe(true);
    sent[1]?.answer(answer(204, undefined));
    await ending;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toBe(false);
  });

  it('lets requests through again once the session has ended', async () => {
    const sent = heldFetch();
    const ending = endSession('/api/v1/session', 5_000);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    sent[0]?.answer(answer(204, undefined));
    await ending;
    const next = request('POST', '/api/v1/session', { body: { username: 'a', password: 'b' } });
    expect(sent).toHaveLength(2);
    sent[1]?.answer(json());
    await expect(next).resolves.toEqual({ data: {}, etag: null });
  });
});
