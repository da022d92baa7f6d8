import { useSignal } from '@preact/signals';
import type { SyncStatus } from '@/lib/sync/engine';
import { syncStatusText, type TeamServer } from '@/lib/sync/config';
import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';
import { ManagedNote } from './Managed';

export interface TeamFormProps {
  /** What is stored (the password is never shown back). */
  server: TeamServer | null;
  status: SyncStatus | null;
  zone: string;
  /**
   * Checks and saves; asks the browser for the server's host permission first (it needs the click:
   * the handler calls it before anything else awaits).
   */
  onConnect(input: { url: string; login: string; password: string }): Promise<SaveResult>;
  onForget(): Promise<void>;
  /** The address and login the organisation set by policy: shown, not edited; the password stays the user's. */
  managed?: { url?: string; login?: string };
}

/**
 * «Командная работа»: the city's team server. Off until an address is given; the login and password
 * are the ones the server's administrator handed out (one per person, the decree's staff lists).
 */
export function TeamForm({ server, status, zone, onConnect, onForget, managed = {} }: TeamFormProps) {
  const url = useSignal(managed.url ?? server?.url ?? '');
  const login = useSignal(managed.login ?? server?.login ?? '');
  const password = useSignal('');
  const save = useSaveStatus();
  const edited = () => save.edited();
  return (
    <form
      class="card"
      aria-label="Командная работа"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await onConnect({ url: managed.url ?? url.value, login: managed.login ?? login.value, password: password.value });
        if (r.ok) password.value = '';
        save.report(r, 'Сохранено: подключаемся к серверу');
      }}
    >
      <h2>Командная работа</h2>
      <p class="muted">
        Сообщения, проекты ответов и согласования приходят всем участникам сразу через сервер администрации. Без сервера Отклик работает на этом
        компьютере и ничего никуда не отправляет; обмен файлами остаётся.
      </p>
      <p role="status" data-testid="team-status">
        {syncStatusText(status, zone)}
      </p>
      <label>
        Адрес сервера{' '}
        <input
          name="teamUrl"
          placeholder="wss://sync.admin.example.ru:8443"
          value={managed.url ?? url.value}
          disabled={!!managed.url}
          aria-describedby={managed.url && 'managed-team-url'}
          onInput={(e) => ((url.value = e.currentTarget.value), edited())}
        />
        {managed.url && <ManagedNote id="managed-team-url" />}
      </label>
      <label>
        Логин{' '}
        <input
          name="teamLogin"
          autoComplete="username"
          value={managed.login ?? login.value}
          disabled={!!managed.login}
          aria-describedby={managed.login && 'managed-team-login'}
          onInput={(e) => ((login.value = e.currentTarget.value), edited())}
        />
        {managed.login && <ManagedNote id="managed-team-login" />}
      </label>
      <label>
        Пароль{' '}
        <input
          name="teamPassword"
          type="password"
          autoComplete="current-password"
          placeholder={server ? 'сохранён; введите, чтобы сменить' : ''}
          value={password.value}
          onInput={(e) => ((password.value = e.currentTarget.value), edited())}
        />
      </label>
      <Errors status={save} />
      <div class="actions">
        <button type="submit">Подключиться</button>
        {server && (
          <button
            type="button"
            onClick={async () => {
              await onForget();
              url.value = '';
              login.value = '';
              password.value = '';
              save.report({ ok: true }, 'Отключено: данные остаются на этом компьютере');
            }}
          >
            Отключиться
          </button>
        )}
      </div>
      <Done status={save} />
    </form>
  );
}
