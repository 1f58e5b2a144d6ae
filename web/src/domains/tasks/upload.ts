// Uploading a file with upload progress (fetch cannot report it): XMLHttpRequest with the session's CSRF token.
import { ApiError } from '../../api';

let csrf: string | null = null;

async function csrfToken(): Promise<string> {
  csrf ??= ((await (await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' })).json()) as { token: string }).token;
  return csrf;
}

/**
 * POSTs a file to an API path, reporting the share sent (0–1) as it goes; resolves with the JSON answer.
 * @example await uploadFile('/task-batches/tb_1/items', file, 'text/csv', (p) => setProgress(p))
 */
export async function uploadFile<T>(path: string, file: Blob, contentType: string, onProgress: (share: number) => void): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else {
        if (json?.error?.code === 'csrf_failed') csrf = null;
        reject(new ApiError(xhr.status, json?.error?.code ?? 'error', json?.error?.message ?? xhr.statusText, json?.error?.details));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed: check your connection.'));
    xhr.send(file);
  });
}
