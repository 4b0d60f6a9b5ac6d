// Reads GET /healthz; every failure becomes a value the page can show.

export interface Health {
  status: 'ok';
  db: string;
  schemaVersion: number;
}

export type HealthResult = { ok: true; health: Health } | { ok: false; reason: string };

// A status check that hangs is reported as a failure after this long.
const HEALTH_TIMEOUT_MS = 5000;

function parseHealth(body: unknown): Health | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record['status'] !== 'ok' || typeof record['db'] !== 'string') return null;
  const schemaVersion = record['schema_version'];
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) return null;
  return { status: 'ok', db: record['db'], schemaVersion };
}

// The server's Vietnamese message from {"error":{"message":…}}, if any.
function errorMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as Record<string, unknown>)['error'];
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as Record<string, unknown>)['message'];
  return typeof message === 'string' ? message : null;
}

export async function fetchHealth(fetchImpl: typeof fetch = fetch): Promise<HealthResult> {
  try {
    const response = await fetchImpl('/healthz', {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      return { ok: false, reason: errorMessage(body) ?? `Máy chủ trả về mã lỗi ${response.status}.` };
    }
    const health = parseHealth(body);
    if (health === null) return { ok: false, reason: 'Máy chủ trả về dữ liệu không hợp lệ.' };
    return { ok: true, health };
  } catch {
    return { ok: false, reason: 'Không kết nối được tới máy chủ.' };
  }
}
