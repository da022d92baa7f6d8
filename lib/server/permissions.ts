/**
 * Who may use which subjects on the team server — least privilege, one stream per department.
 *
 * Subject permissions do not filter what a consumer reads from a stream (nats-server #3202, #4225),
 * so a user is given the JetStream API requests of the streams they may read and nothing else: never
 * `$JS.API.>`, and never a subscription outside their own inbox.
 *
 * The read set was measured against Debian's nats-server 2.9.10 with @nats-io/jetstream 3.4.0
 * (`-DV` trace and permission errors): an ordered consumer — `jetstream(nc).consumers.get(S,
 * { opt_start_seq })`, then `.consume()` or `.fetch()` — asks for
 *   STREAM.INFO.S                       consumers.get() checks the stream
 *   CONSUMER.CREATE.S.<name>[.<filter>] the consumer itself (`<name>_<serial>`; the filter is in the subject)
 *   CONSUMER.MSG.NEXT.S.<name>          each pull
 *   CONSUMER.INFO.S.<name>              after missed heartbeats or a reconnect
 *   CONSUMER.DELETE.S.<name>            when it recreates itself (a gap, a restarted server)
 * Not needed and not granted: the old `CONSUMER.CREATE.S` without a name, `CONSUMER.DURABLE.CREATE`,
 * `STREAM.MSG.GET`, `DIRECT.GET`, `$JS.ACK` (ack policy none), `$JS.FC` (pull consumers have no flow
 * control), and every stream or account management request. A JetStream publish is a plain publish
 * on the event's subject with the reply in the user's inbox.
 *
 * A reader of S may create a *push* consumer on S whose deliver subject is any subject at all (the
 * server does not check it: nats-server #8274). The server delivers only while a literal
 * subscription exists on that subject, and stores a delivery captured by another stream under its
 * original subject. Hence: every stream here has wildcard subjects, nobody may subscribe outside
 * their inbox, and a client must drop an event whose subject does not belong to the stream it was
 * read from.
 */
import {
  INTAKE_STREAM,
  TEAM_STREAM,
  departmentCode,
  departmentStream,
  inboxPrefix,
  type StaffRole,
} from '../sync/subjects';

/** Every JetStream API subject a client needs to read stream `stream` with an ordered consumer. */
export function streamReadSubjects(stream: string): string[] {
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    `$JS.API.CONSUMER.INFO.${stream}.>`,
    `$JS.API.CONSUMER.DELETE.${stream}.>`,
  ];
}

/** Everyone: account info (the client's «is JetStream there» check). */
export const COMMON_PUBLISH = ['$JS.API.INFO'];

export interface UserPermissions {
  /** The streams this user reads. */
  read: string[];
  /** The event subjects this user may publish (wildcards as in the server's config). */
  write: string[];
  /** Everything in `permissions.publish.allow`. */
  publish: string[];
  /** Everything in `permissions.subscribe.allow`. */
  subscribe: string[];
}

/**
 * A user's rights. `departments` are all departments that have a stream (a curator reads each).
 */
export function userPermissions(
  user: { login: string; role: StaffRole; department: string | null },
  departments: readonly string[],
): UserPermissions {
  const { login } = user;
  let read: string[];
  let write: string[];
  switch (user.role) {
    case 'curator':
      read = [INTAKE_STREAM, TEAM_STREAM, ...departments.map(departmentStream)];
      write = [`otk.in.m.*.curator.${login}.*`, `otk.d.*.m.*.curator.${login}.*`, `otk.team.*.curator.${login}`];
      break;
    case 'executor': {
      if (!user.department) throw new Error(`у исполнителя ${login} нет подразделения`);
      const code = departmentCode(user.department);
      read = [departmentStream(user.department), TEAM_STREAM];
      // App. 2 §9: a department sends what its pages should carry to the department of information
      // policy — an executor's publication requests go up the team stream under their own subject.
      write = [`otk.d.${code}.m.*.executor.${login}.*`, `otk.d.*.m.*.coExecutor.${login}.*`, `otk.team.posts.executor.${login}`];
      break;
    }
    case 'moderator':
      read = [TEAM_STREAM];
      write = [`otk.team.mod.moderator.${login}`, `otk.team.allow.moderator.${login}`];
      break;
    case 'owner':
      read = [TEAM_STREAM];
      write = [`otk.team.posts.owner.${login}`, `otk.team.registry.owner.${login}`];
      break;
  }
  read = [...new Set(read)];
  return {
    read,
    write,
    // A curator lists the streams (names only) to find the departments added since the last start.
    publish: [...COMMON_PUBLISH, ...(user.role === 'curator' ? ['$JS.API.STREAM.NAMES'] : []), ...read.flatMap(streamReadSubjects), ...write],
    subscribe: [`${inboxPrefix(login)}.>`],
  };
}

/** The server's own administrator (`server init`): the JetStream API, and its inbox. */
export function adminPermissions(login: string): Pick<UserPermissions, 'publish' | 'subscribe'> {
  return { publish: ['$JS.API.>'], subscribe: [`${inboxPrefix(login)}.>`] };
}
