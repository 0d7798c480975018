// The job API, relative to this page; every request carries the stored API key, if any.
const KEY_ITEM = 'featureviz.apiKey';

export const apiKey = {
  get: () => localStorage.getItem(KEY_ITEM) ?? '',
  set: (key) => (key ? localStorage.setItem(KEY_ITEM, key) : localStorage.removeItem(KEY_ITEM)),
};

/** A refused request: the problem+json answer, with its per-field `errors`. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem.errors ?? [];
  }
}

export function headers(extra = {}) {
  const key = apiKey.get();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

export async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json;
}

export const api = {
  models: () => request('GET', 'v1/models'),
  model: (id) => request('GET', `v1/models/${encodeURIComponent(id)}`),
  jobs: (query) => request('GET', `v1/jobs?${new URLSearchParams(query)}`),
  job: (id) => request('GET', `v1/jobs/${encodeURIComponent(id)}`),
  submit: (job) => request('POST', 'v1/jobs', job),
  cancel: (id) => request('DELETE', `v1/jobs/${encodeURIComponent(id)}`),
  eventsPath: (id) => `v1/jobs/${encodeURIComponent(id)}/events`,
};

export const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
