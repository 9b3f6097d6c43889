/** Base path of every server endpoint; the dev server proxies it to the C++ server. */
export const API_BASE = '/api/v1';

/** Error codes made up on this side when the server gave no usable answer. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network_error',
  invalidResponse: 'client.invalid_response',
} as const;

/**
 * A failed API call: the HTTP status, the stable `code` the server sent and, when one field of
 * the body or query is at fault, its name (`field`, as the body names it).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly field: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId: string | null;
    field?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.field = init.field ?? null;
  }
}

/** What the client needs from the rest of the app, registered once at start-up. */
export interface ClientHooks {
  /** The CSRF token of the current session, or null when logged out. */
  csrfToken: () => string | null;
  /** Called with the error of any 401 answer, except where a request opts out. */
  onUnauthorized: (error: ApiError) => void;
}

const defaultHooks: ClientHooks = { csrfToken: () => null, onUnauthorized: () => {} };
let hooks: ClientHooks = defaultHooks;

/** Registers the app's hooks; pass nothing to go back to the defaults (used by tests). */
export function configureClient(next?: Partial<ClientHooks>): void {
  hooks = { ...defaultHooks, ...next };
}

/** The page a list call asks for: 1-based `page` of `page_size` rows (the server's default without). */
export interface Paging {
  page?: number;
  page_size?: number;
}

/** A page of a list, as every list endpoint answers; `total` counts all pages' rows. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

/** One rejected row of an import: `row` is its index in the array sent. */
export interface ImportRowError {
  /** 1-based position of the row in the rows sent. */
  row: number;
  field: string;
  code: string;
  message: string;
}

/** What a batch import did; the valid rows are committed together. */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as the raw body with its own Content-Type and name (an upload); not with `body`. */
  file?: File;
  /** `skip` for calls where a 401 is an expected answer, such as logging in. */
  unauthorizedHook?: 'call' | 'skip';
}

const UNSAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A query parameter value; undefined, null and '' leave the parameter out. */
export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined values (an empty string when there are none). */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Sends one request and returns the successful response; failures become ApiErrors. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file !== undefined) {
    headers['Content-Type'] = options.file.type || 'application/octet-stream';
    // Header values are Latin-1: a Chinese file name travels percent-encoded (UTF-8).
    headers['X-File-Name'] = encodeURIComponent(options.file.name);
  }
  const csrfToken = hooks.csrfToken();
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: cause instanceof Error ? cause.message : String(cause),
      requestId: null,
    });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.unauthorizedHook !== 'skip') {
      hooks.onUnauthorized(error);
    }
    throw error;
  }
  return response;
}

/** A file the server sent as an attachment. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, or null when the server named none. */
  fileName: string | null;
}

/** Fetches a file (an export); errors come back as ApiErrors like any other call. */
export async function requestFile(path: string): Promise<DownloadedFile> {
  const response = await send(path, {}, '*/*');
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('Content-Disposition')),
  };
}

/** The file name of a Content-Disposition header, preferring RFC 5987 `filename*`. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : null;
}

/** Sends one request to the API and returns the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      message: response.statusText,
      requestId: response.headers.get('X-Request-Id'),
    });
  }
}

/** Uploads a file as the raw request body (POST), with the CSRF header like any other write. */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  return request<T>(path, { method: 'POST', file });
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; request_id?: unknown; field?: unknown };
}

/** Builds an ApiError from the server's `{"error": {code, message, request_id, field?}}` body. */
async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, an empty body): keep the status and say so by the code.
  }
  const error = body?.error;
  const headerRequestId = response.headers.get('X-Request-Id');
  return new ApiError({
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : CLIENT_ERROR_CODES.invalidResponse,
    message: typeof error?.message === 'string' ? error.message : response.statusText,
    requestId: typeof error?.request_id === 'string' ? error.request_id : headerRequestId,
    field: typeof error?.field === 'string' && error.field !== '' ? error.field : null,
  });
}
