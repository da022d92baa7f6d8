import { useSignal } from '@preact/signals';
import type { SyncStatus } from '@/lib/sync/engine';
import { syncStatusText, type TeamServer } from '@/lib/sync/config';
import { Done, Errors, useSaveStatus, type SaveResult } from './SaveStatus';

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
}

/**
 * «Командная работа»: the city's team server. Off until an address is given; the login and password
 * are the ones the server's administrator handed out (one per person, the decree's staff lists).
 */
export function TeamForm({ server, status, zone, onConnect, onForget }: TeamFormProps) {
  const url = useSignal(server?.url ?? '');
  const login = useSignal(server?.login ?? '');
  const password = useSignal('');
  const save = useSaveStatus();
  const edited = () => save.edited();
  return (
    <form
      class="card"
      aria-label="Командная работа"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await onConnect({ url: url.value, login: login.value, password: password.value });
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
        <input name="teamUrl" placeholder="wss://sync.admin.example.ru:8443" value={url.value} onInput={(e) => ((url.value = e.currentTarget.value), edited())} />
      </label>
      <label>
        Логин <input name="teamLogin" autoComplete="username" value={login.value} onInput={(e) => ((login.value = e.currentTarget.value), edited())} />
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
