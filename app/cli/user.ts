import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isRole, ROLES } from '~/domain/permissions';
import { setOneTimePassword } from '~/models/password.server';
import { createUser, emailTaken, listUsers, normalizeEmail } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { applyMigrations } from '~/utils/migrate.server';
import { MIN_PASSWORD_LENGTH } from '~/utils/password.server';
import {
  MAX_PASSWORD_LENGTH,
  passwordProblem,
  type PasswordProblem,
} from '~/utils/password-policy.server';
import { CliError } from './common';

const CreateArgs = z.object({
  email: z.email('--email must be an email address'),
  name: z.string().trim().min(1, '--name must not be empty').max(120, '--name is too long'),
  role: z
    .array(z.string())
    .min(1, `give at least one --role (${ROLES.join(', ')})`)
    .refine((roles) => roles.every(isRole), `--role must be one of ${ROLES.join(', ')}`),
});

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  tooShort: `the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `the password may have at most ${MAX_PASSWORD_LENGTH} characters`,
  common:
    'the password is too common or too easy to guess: choose a longer phrase of unrelated words',
  personal: "the password must not be the user's name or email address",
};

export async function runUserCommand(command: string | undefined, args: string[]): Promise<number> {
  if (command === 'list') {
    const users = await listUsers();
    process.stdout.write(
      `${JSON.stringify(
        users.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          active: u.active,
          roles: u.roles.map((r) => r.role),
        })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (command === 'reset-password') return resetPassword(args);
  if (command !== 'create')
    throw new CliError(`unknown user command "${command ?? ''}" (create, list, reset-password)`);

  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const parsed = CreateArgs.safeParse({
    email: values.email,
    name: values.name,
    role: values.role ?? [],
  });
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join('; '));
  const { email, name, role } = parsed.data;
  // the first admin of a real install may come before the first start of the server
  applyMigrations();
  if (await emailTaken(email)) throw new CliError(`a user with the email ${email} already exists`);

  const password = values['password-stdin'] ? await readStdin() : await promptPassword();
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new CliError(PASSWORD_PROBLEMS[problem]);
  const user = await createUser({ email, name, password, roles: role.filter(isRole) });
  process.stdout.write(`${JSON.stringify({ ...user, roles: role })}\n`);
  process.stderr.write(`lotse: created ${user.email}\n`);
  return 0;
}

/**
 * `user reset-password`: a one-time password, as an administrator sets it on /users/<id> (for
 * when nobody can log in as an administrator any more, or there is no mail).
 */
async function resetPassword(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const email = z.email('--email must be an email address').safeParse(values.email);
  if (!email.success) throw new CliError('--email must be an email address');
  applyMigrations();
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email.data) },
    select: { id: true, email: true },
  });
  if (!user) throw new CliError(`no user with the email ${email.data}`);
  const password = values['password-stdin'] ? await readStdin() : await promptPassword();
  const outcome = await setOneTimePassword({
    userId: user.id,
    actorId: null,
    password,
    via: 'cli',
  });
  if (!outcome.ok) {
    throw new CliError(
      outcome.problem === 'notFound' || outcome.problem === 'self'
        ? `no user with the email ${email.data}`
        : PASSWORD_PROBLEMS[outcome.problem],
    );
  }
  process.stdout.write(
    `${JSON.stringify({ id: user.id, email: user.email, mustChangePassword: true })}\n`,
  );
  process.stderr.write(
    `lotse: set a one-time password for ${user.email}; it must be changed at the next login\n`,
  );
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // one trailing line break (from echo or a file) is not part of the password
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks twice on the terminal without echoing what is typed. */
async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError('no terminal to ask for a password: use --password-stdin');
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const output = rl as unknown as { _writeToOutput: (s: string) => void };
      let prompted = false;
      output._writeToOutput = (s: string) => {
        if (!prompted) {
          process.stderr.write(s);
          prompted = true;
        }
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  if (first !== second) throw new CliError('the passwords do not match');
  return first;
}
