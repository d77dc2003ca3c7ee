import { describe, expect, it } from 'vitest';
import { apiFetch, describeProblem, parseAmountList, parseProblem, paths, splitAmountList } from './api';

function answer(status: number, body?: unknown, type = 'application/problem+json'): Response {
  return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': type },
  });
}

/** A fetch that records what it was asked and answers with `respond`. */
function fakeFetch(respond: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const validation = {
  type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  title: '输入有误，未做任何记录 (invalid input; nothing was recorded)',
  status: 400,
  errors: { donorName: ['必填 (required)'], amountFen: ['金额必须大于零 (must be a positive number of fen)'] },
};

describe('parseProblem', () => {
  it('reads the title and every field error of a validation problem', () => {
    const problem = parseProblem(400, validation);
    expect(problem.title).toBe(validation.title);
    expect(problem.fieldErrors).toEqual(validation.errors);
    expect(problem.status).toBe(400);
  });

  it('keeps the detail', () => {
    const problem = parseProblem(409, { title: '活动未开放或已结束 (event is not live)', detail: "Event 'x' is not open." });
    expect(problem.detail).toBe("Event 'x' is not open.");
    expect(problem.fieldErrors).toEqual({});
  });

  it('gives its own title when the server sent none (the rate limiter answers 429 with no body)', () => {
    expect(parseProblem(429, undefined).title).toBe('尝试过于频繁，请一分钟后再试');
    expect(parseProblem(401, '').title).toBe('需要登录');
    expect(parseProblem(503, { title: '  ' }).title).toBe('服务器暂时不可用（503），请稍后重试');
    expect(parseProblem(418, null).title).toBe('请求未成功（HTTP 418）');
  });

  it('ignores field errors that are not lists of text', () => {
    expect(parseProblem(400, { title: 'x', errors: { a: 'one', b: [1, 'two'], c: [] } }).fieldErrors).toEqual({
      a: ['one'],
      b: ['two'],
    });
    expect(parseProblem(400, { title: 'x', errors: ['not', 'an', 'object'] }).fieldErrors).toEqual({});
  });
});

describe('describeProblem', () => {
  it('puts the field messages after the title, with the page words for the fields', () => {
    const text = describeProblem(parseProblem(400, validation), { donorName: '捐赠方名称' });
    expect(text).toBe(
      `${validation.title} — 捐赠方名称: 必填 (required) · amountFen: 金额必须大于零 (must be a positive number of fen)`,
    );
  });

  it('is just the title without field errors', () => {
    expect(describeProblem(parseProblem(404, { title: '活动不存在 (event not found)' }))).toBe('活动不存在 (event not found)');
  });
});

describe('apiFetch', () => {
  it('sends JSON with the bearer and reads a JSON answer', async () => {
    const { fetch, calls } = fakeFetch(() => answer(201, { pledgeId: 'p-00000001', sequence: 3 }, 'application/json; charset=utf-8'));
    const result = await apiFetch<{ sequence: number }>('/api/events/demo/pledges', {
      method: 'POST',
      body: { amountFen: 500_000_000 },
      token: 'tok',
      fetch,
    });
    expect(result).toEqual({ kind: 'ok', ok: true, status: 201, body: { pledgeId: 'p-00000001', sequence: 3 } });
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"amountFen":500000000}');
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends no Authorization header without a token, and no body on a GET', async () => {
    const { fetch, calls } = fakeFetch(() => answer(200, [], 'application/json'));
    await apiFetch('/api/events', { fetch });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.Authorization).toBeUndefined();
    expect(headers['Content-Type']).toBeUndefined();
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('turns a refusal into a problem', async () => {
    const { fetch } = fakeFetch(() => answer(400, validation));
    const result = await apiFetch('/x', { fetch });
    expect(result.kind).toBe('problem');
    if (result.kind !== 'problem') return;
    expect(result.status).toBe(400);
    expect(result.problem.fieldErrors.donorName).toEqual(['必填 (required)']);
    expect(result.body).toEqual(validation);
  });

  it("reads the server's title of a 409, such as an operator's void after the close", async () => {
    const closed = { status: 409, title: '活动已结束，只有管理员可以作废 (the event is closed; only the admin may void)' };
    const { fetch } = fakeFetch(() => answer(409, closed));
    const result = await apiFetch(paths.voidPledge('demo', 'p-00000001'), { method: 'POST', body: { reason: '录入错误' }, token: 'tok', fetch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeProblem(result.problem)).toBe(closed.title);
  });

  it('turns an empty 429 into a problem with a readable title', async () => {
    const { fetch } = fakeFetch(() => answer(429));
    const result = await apiFetch('/api/auth/desk', { method: 'POST', body: {}, fetch });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(429);
    expect(result.ok ? '' : result.problem.title).toBe('尝试过于频繁，请一分钟后再试');
  });

  it('reports a failed connection as a network failure, never throws', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await apiFetch('/x', { fetch });
    expect(result.kind).toBe('network');
    expect(result.status).toBe(0);
    expect(result.ok ? '' : result.problem.title).toBe('网络异常，请稍后重试');
  });

  it('gives up after the timeout and reports it as a network failure', async () => {
    const { fetch } = fakeFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const result = await apiFetch('/slow', { fetch, timeoutMs: 10 });
    expect(result.kind).toBe('network');
    expect(result.kind === 'network' ? result.error : '').toBe('服务器没有及时回应');
  });

  it('reads a download as a blob', async () => {
    const { fetch } = fakeFetch(() => answer(200, '\uFEFF序号,类型\n', 'text/csv; charset=utf-8'));
    const result = await apiFetch<Blob>('/api/events/demo/ledger.csv', { token: 'k', read: 'blob', fetch });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.body).toBeInstanceOf(Blob);
    expect(await result.body.text()).toContain('序号,类型');
  });

  it('keeps a non-JSON error body as text and still gives a title', async () => {
    const { fetch } = fakeFetch(() => answer(502, '<html>Bad gateway</html>', 'text/html'));
    const result = await apiFetch('/x', { fetch });
    expect(result.kind).toBe('problem');
    expect(result.ok ? '' : result.problem.title).toBe('服务器暂时不可用（502），请稍后重试');
  });
});

describe('parseAmountList', () => {
  it('splits on commas, spaces, new lines and 、, keeping thousands separators', () => {
    expect(splitAmountList('1000万, 500万 200万\n100万、50万')).toEqual(['1000万', '500万', '200万', '100万', '50万']);
    expect(splitAmountList('1000万,500万')).toEqual(['1000万', '500万']);
    expect(splitAmountList('5,000元,1000万')).toEqual(['5,000元', '1000万']);
    expect(splitAmountList('128,000, 1,000万')).toEqual(['128,000', '1,000万']);
    expect(splitAmountList('1亿，2亿；3亿')).toEqual(['1亿', '2亿', '3亿']);
    expect(splitAmountList('  ')).toEqual([]);
  });

  it('parses each amount to fen', () => {
    expect(parseAmountList('1000万, 500万, 1.2亿')).toEqual({ ok: true, fen: [10_000_000_00, 5_000_000_00, 120_000_000_00] });
    expect(parseAmountList('')).toEqual({ ok: true, fen: [] });
  });

  it('names the item it could not read', () => {
    const result = parseAmountList('1000万, 5x0万');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.item).toBe('5x0万');
    expect(result.ok ? '' : result.error.error).toBe('amount.invalid');
  });

  it('applies the cap it is given', () => {
    expect(parseAmountList('20亿').ok).toBe(false);
    expect(parseAmountList('20亿', Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, fen: [200_000_000_000] });
  });
});

describe('paths', () => {
  it('escapes ids', () => {
    expect(paths.deskPledges('demo', 'desk-1')).toBe('/api/events/demo/desks/desk-1/pledges?limit=50');
    expect(paths.voidPledge('demo', 'a/b')).toBe('/api/events/demo/pledges/a%2Fb/void');
    expect(paths.ledger('demo', 0)).toBe('/api/events/demo/ledger?after=0&limit=100');
    expect(paths.deskCode('demo', 'desk 1')).toBe('/api/events/demo/desks/desk%201/code');
    expect(paths.deskRevoke('demo', 'desk-1')).toBe('/api/events/demo/desks/desk-1/revoke');
  });
});
