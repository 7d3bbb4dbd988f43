// The playground's JSON API. Every call names who is acting: the page keeps that, not the server.

export class ApiError extends Error {}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

export function get(path, params = {}) {
  return fetch(`${path}?${new URLSearchParams(params)}`, { headers: { accept: 'application/json' } }).then(answer);
}

export function post(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  }).then(answer);
}
