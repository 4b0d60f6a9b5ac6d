// The start page: shows whether the server and its database answer.
import { fetchHealth, type HealthResult } from './health';
import './style.css';

const DIALECT_LABELS: Record<string, string> = {
  sqlite: 'SQLite (sqlite)',
  postgresql: 'PostgreSQL (postgresql)',
};

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`missing #${id}`);
  return found as T;
}

function render(result: HealthResult): void {
  const panel = element('status-panel');
  const message = element('status-message');
  const facts = element('status-facts');
  const retry = element<HTMLButtonElement>('status-retry');
  if (result.ok) {
    panel.dataset['state'] = 'ok';
    message.textContent = 'Hệ thống hoạt động';
    element('status-db').textContent = DIALECT_LABELS[result.health.db] ?? result.health.db;
    element('status-schema').textContent = String(result.health.schemaVersion);
    facts.hidden = false;
    retry.hidden = true;
  } else {
    panel.dataset['state'] = 'error';
    message.textContent = `Hệ thống không phản hồi: ${result.reason}`;
    facts.hidden = true;
    retry.hidden = false;
  }
}

async function refresh(): Promise<void> {
  const panel = element('status-panel');
  panel.dataset['state'] = 'loading';
  element('status-message').textContent = 'Đang kiểm tra…';
  render(await fetchHealth());
}

element<HTMLButtonElement>('status-retry').addEventListener('click', () => {
  void refresh();
});
void refresh();
