// The job API, relative to this page; every request carries the stored API key, if any.
const KEY_ITEM = 'featureviz.apiKey';

// The signed-in link `./fv up` prints carries the key in the fragment (`#key=<key>`, built by
// fv-client's PageLink); routes start with '#/', so the two never meet.
const KEY_FRAGMENT = /^#key=/;

export const apiKey = {
  get: () => localStorage.getItem(KEY_ITEM) ?? '',
  set: (key) => (key ? localStorage.setItem(KEY_ITEM, key) : localStorage.removeItem(KEY_ITEM)),
  /**
   * Stores the key of a signed-in link, as a pasted key is stored, and removes it from the
   * address bar and this history entry, so it is not left on screen or in a bookmark. A fragment
   * never reaches the server, so the key is in no request line or server log either.
   * Returns whether the address carried a key.
   */
  takeFromAddress() {
    if (!KEY_FRAGMENT.test(location.hash)) return false;
    this.set(new URLSearchParams(location.hash.slice(1)).get('key').trim());
    history.replaceState(null, '', location.pathname + location.search);
    return true;
  },
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

/** body: an object sent as JSON, or FormData sent as multipart (the browser sets its type). */
export async function request(method, path, body) {
  const form = body instanceof FormData;
  const response = await fetch(path, {
    method,
    headers: headers(body && !form ? { 'Content-Type': 'application/json' } : {}),
    body: form ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json;
}

// The OpenAPI document, read once per page load (the submit view and its upload form both read
// it); a failed read is not kept, so the next view tries again.
let openApiDocument;
function openApi() {
  openApiDocument ??= request('GET', 'q/openapi?format=json').catch((error) => {
    openApiDocument = undefined;
    throw error;
  });
  return openApiDocument;
}

export const api = {
  models: () => request('GET', 'v1/models'),
  model: (id) => request('GET', `v1/models/${encodeURIComponent(id)}`),
  jobs: (query) => request('GET', `v1/jobs?${new URLSearchParams(query)}`),
  job: (id) => request('GET', `v1/jobs/${encodeURIComponent(id)}`),
  gallery: (query) => request('GET', `v1/gallery?${new URLSearchParams(query)}`),
  submit: (job) => request('POST', 'v1/jobs', job),
  cancel: (id) => request('DELETE', `v1/jobs/${encodeURIComponent(id)}`),
  eventsPath: (id) => `v1/jobs/${encodeURIComponent(id)}/events`,
  sweeps: (query) => request('GET', `v1/sweeps?${new URLSearchParams(query)}`),
  // with a layer, the artifacts of that layer only: a whole model's sweep has thousands
  sweep: (id, layer) => request('GET', `v1/sweeps/${encodeURIComponent(id)}`
    + (layer ? `?${new URLSearchParams({ layer })}` : '')),
  startSweep: (sweep) => request('POST', 'v1/sweeps', sweep),
  cancelSweep: (id) => request('DELETE', `v1/sweeps/${encodeURIComponent(id)}`),
  sweepEventsPath: (id) => `v1/sweeps/${encodeURIComponent(id)}/events`,
  datasets: () => request('GET', 'v1/datasets'),
  dataset: (id) => request('GET', `v1/datasets/${encodeURIComponent(id)}`),
  uploadDataset: (form) => request('POST', 'v1/datasets', form),
  uploadModel: (form) => request('POST', 'v1/models', form),
  /** The upload formats, as the OpenAPI document lists them: the server's list, not a copy. */
  modelFormats: async () => (await openApi())
    .paths['/v1/models'].post.requestBody.content['multipart/form-data'].schema.properties.format.enum,
  /** The fields of a job with their bounds, as the OpenAPI document publishes them. */
  jobFields: async () => (await openApi())
    .components.schemas.JobSubmission.properties,
};

export const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
/** A sweep's statuses are lower case (a job's are upper case). */
export const SWEEP_TERMINAL = ['succeeded', 'failed', 'cancelled'];
