import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorBody, jsonResponse } from '@/testing/plugins';
import {
  ApiError,
  configureClient,
  fileNameOf,
  request,
  requestFile,
  toQuery,
  uploadFile,
} from './client';
import { createSession, deleteSession, getMe } from './session';

const fetchMock = vi.fn<typeof fetch>();

function sentHeaders(call = 0): Headers {
  return new Headers(fetchMock.mock.calls[call]?.[1]?.headers);
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  configureClient();
});

describe('request', () => {
  it('turns an error body into an ApiError with status, code, message and request id', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(404, errorBody('org.not_found', '组织不存在', 'req-42')),
    );

    const error = await request('/orgs/9/stats').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'org.not_found',
      message: '组织不存在',
      requestId: 'req-42',
    });
  });

  it('keeps the field the server names as at fault, and null when it names none', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        400,
        errorBody('key_enterprise.not_key_enterprise', '该单位未登记为重点企业', 'r', 'unit_id'),
      ),
    );
    fetchMock.mockResolvedValueOnce(jsonResponse(404, errorBody('org.not_found', '组织不存在')));

    await expect(request('/key-enterprises', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'key_enterprise.not_key_enterprise',
      field: 'unit_id',
    });
    await expect(request('/orgs/9')).rejects.toMatchObject({ field: null });
  });

  it('calls the unauthorized hook on a 401 and still throws', async () => {
    const onUnauthorized = vi.fn();
    configureClient({ onUnauthorized });
    fetchMock.mockResolvedValue(jsonResponse(401, errorBody('auth.session_expired', '会话已过期')));

    await expect(getMe()).rejects.toMatchObject({ status: 401, code: 'auth.session_expired' });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toMatchObject({ code: 'auth.session_expired' });
  });

  it('does not call the unauthorized hook for a wrong password at login', async () => {
    const onUnauthorized = vi.fn();
    configureClient({ onUnauthorized });
    fetchMock.mockResolvedValue(
      jsonResponse(401, errorBody('auth.invalid_credentials', '用户名或密码错误')),
    );

    await expect(createSession('street.admin', 'wrong')).rejects.toMatchObject({
      code: 'auth.invalid_credentials',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call the unauthorized hook for other failures', async () => {
    const onUnauthorized = vi.fn();
    configureClient({ onUnauthorized });
    fetchMock.mockResolvedValue(jsonResponse(403, errorBody('auth.permission_denied', '无权限')));

    await expect(getMe()).rejects.toMatchObject({ status: 403 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('sends the CSRF token on DELETE but not on GET', async () => {
    configureClient({ csrfToken: () => 'token-1' });
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { user: {}, csrf_token: 'token-1' }));

    await expect(deleteSession()).resolves.toBeUndefined();
    await getMe();

    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/session');
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('DELETE');
    expect(sentHeaders(0).get('X-CSRF-Token')).toBe('token-1');
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('GET');
    expect(sentHeaders(1).has('X-CSRF-Token')).toBe(false);
  });

  it('posts JSON with same-origin credentials', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { user: {}, csrf_token: 't' }));

    await createSession('street.admin', 'secret');

    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
    expect(sentHeaders().get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({
      username: 'street.admin',
      password: 'secret',
    });
  });

  it('keeps the status when an error body is not JSON', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad Gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'X-Request-Id': 'req-proxy' },
      }),
    );

    await expect(request('/health')).rejects.toMatchObject({
      status: 502,
      code: 'client.invalid_response',
      message: 'Bad Gateway',
      requestId: 'req-proxy',
    });
  });

  it('reports an unreachable server with a client code', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(request('/health')).rejects.toMatchObject({
      status: 0,
      code: 'client.network_error',
    });
  });
});

describe('toQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(
      toQuery({ org: 5, q: '和平', id_number: '', status: undefined, in_service: false, x: null }),
    ).toBe('?org=5&q=%E5%92%8C%E5%B9%B3&in_service=false');
    expect(toQuery({ q: '' })).toBe('');
  });
});

describe('requestFile', () => {
  it('returns the file and the name the server gave it', async () => {
    fetchMock.mockResolvedValue(
      new Response('xlsx bytes', {
        status: 200,
        headers: {
          'Content-Disposition':
            'attachment; filename="members.xlsx"; filename*=UTF-8\'\'%E5%85%9A%E5%91%98.xlsx',
        },
      }),
    );

    const file = await requestFile('/members/export?org=5');

    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/members/export?org=5');
    expect(file.fileName).toBe('党员.xlsx');
    expect(await file.blob.text()).toBe('xlsx bytes');
  });

  it('fails with the error code like any other call', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, errorBody('auth.permission_denied', '无权限')));
    await expect(requestFile('/members/export')).rejects.toMatchObject({
      code: 'auth.permission_denied',
    });
  });
});

describe('uploadFile', () => {
  it('posts the raw file with its type, its percent-encoded name and the CSRF token', async () => {
    configureClient({ csrfToken: () => 'token-1' });
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 7, file_name: '整改报告.pdf' }));
    const file = new File(['%PDF-1.7'], '整改报告.pdf', { type: 'application/pdf' });

    const sent = await uploadFile<{ id: number }>('/task-assignments/3/attachments', file);

    expect(sent.id).toBe(7);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/task-assignments/3/attachments');
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('POST');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe(file);
    expect(sentHeaders().get('Content-Type')).toBe('application/pdf');
    expect(sentHeaders().get('X-File-Name')).toBe('%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf');
    expect(sentHeaders().get('X-CSRF-Token')).toBe('token-1');
  });

  it('names a file of unknown type as bytes', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { id: 8 }));
    await uploadFile('/supervisions/1/attachments', new File(['x'], 'a.doc'));
    expect(sentHeaders().get('Content-Type')).toBe('application/octet-stream');
  });
});

describe('fileNameOf', () => {
  it.each([
    ['attachment; filename="a.xlsx"', 'a.xlsx'],
    ['attachment; filename=a.xlsx', 'a.xlsx'],
    ["attachment; filename*=UTF-8''%E5%85%9A.xlsx", '党.xlsx'],
    ['attachment', null],
    [null, null],
  ])('reads %s as %s', (header, expected) => {
    expect(fileNameOf(header)).toBe(expected);
  });
});
