import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '~/utils/common-passwords.server';
import {
  isCommonPassword,
  isPersonalPassword,
  passwordProblem,
} from '~/utils/password-policy.server';
import { parseForm } from '~/utils/forms';
import { NewUserSchema } from '~/utils/user-validation.server';
import { generateCommonPasswords, OUTPUT, renderModule } from '../../seeds/common-passwords';

describe('the shipped list of common passwords', () => {
  it('is exactly what seeds/common-passwords.ts writes (run `npm run passwords:list`)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(renderModule(generateCommonPasswords()));
  });

  it('is sorted, lower case, without duplicates, and a few thousand entries long', () => {
    const list = generateCommonPasswords();
    expect(list).toEqual([...new Set(list)].sort());
    expect(list.every((p) => p === p.toLowerCase() && !/\s/.test(p))).toBe(true);
    expect(COMMON_PASSWORDS.size).toBe(list.length);
    expect(list.length).toBeGreaterThan(1500);
  });

  it('holds the classics in English and German, keyboard walks and the product', () => {
    for (const p of [
      'password',
      'passwort',
      'p@ssw0rd',
      'kennwort',
      'iloveyou',
      'ichliebedich',
      'qwertz',
      'qwertzuiop',
      'asdfghjkl',
      '1qaz2wsx',
      '1qay2wsx',
      'q1w2e3r4',
      '1234567890',
      '0987654321',
      '147258369',
      'fussball',
      'fußball',
      'schalke04',
      'lotse',
      'lotse-demo',
      'passwort2024',
    ])
      expect(COMMON_PASSWORDS.has(p), p).toBe(true);
  });
});

describe('common passwords', () => {
  it('are refused in any letter case, with digits and symbols around them', () => {
    for (const p of [
      'Password123!',
      'PASSWORT2024',
      'P@ssw0rd',
      '!!Passwort!!',
      'Sommer2026!',
      'Fussball1234',
      'Fußball1234',
      'qwertzuiop',
      '1qaz2wsx3edc',
      'Lotse Demo 2025',
      'lotse.demo',
      'aaaaaaaaaaaa',
      '..........',
      '12345678901',
      'Schalke04!!',
      'Ichliebedich',
    ])
      expect(isCommonPassword(p), p).toBe(true);
  });

  it('let passphrases and uncommon words through', () => {
    for (const p of [
      'correct horse battery',
      'Leuchtturm am Hafen 7',
      'a-long-enough-password',
      'Kaffeetasse-Nordsee-Fahrrad',
      '8472910365',
      'password manager rocks',
    ])
      expect(isCommonPassword(p), p).toBe(false);
  });
});

describe('personal passwords', () => {
  const rita = { email: 'Rita.Meyer@example.com', name: 'Rita Meyer' };
  it('are refused: the email, its local part, the name or a part of it, with digits around', () => {
    for (const p of [
      'rita.meyer@example.com',
      'RITA.MEYER',
      'ritameyer',
      'Rita Meyer',
      'Rita Meyer 2025',
      'meyer12345',
    ])
      expect(isPersonalPassword(p, rita), p).toBe(true);
  });
  it('let other passwords through', () => {
    expect(isPersonalPassword('Rita fährt gern Rad', rita)).toBe(false);
    expect(isPersonalPassword('anything at all', {})).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('names the first reason in a fixed order', () => {
    expect(passwordProblem('short')).toBe('tooShort');
    expect(passwordProblem('x'.repeat(1025))).toBe('tooLong');
    expect(passwordProblem('rita@example.com', { email: 'rita@example.com' })).toBe('personal');
    expect(passwordProblem('lotse-demo')).toBe('common');
    expect(passwordProblem('Leuchtturm am Hafen 7', { email: 'rita@example.com' })).toBeNull();
  });
});

describe('the new-user form', () => {
  const form = (password: string) => ({
    name: 'Rita Meyer',
    email: 'rita@example.com',
    password,
    roles: ['editor'],
  });
  it('shows the reason next to the password field', () => {
    const key = (password: string) => {
      const result = parseForm(NewUserSchema, form(password));
      return result.ok ? null : result.errors.password?.key;
    };
    expect(key('short')).toBe('validation.passwordTooShort');
    expect(key('Passwort2025!')).toBe('validation.passwordCommon');
    expect(key('rita@example.com')).toBe('validation.passwordPersonal');
    expect(key('Rita Meyer 1990')).toBe('validation.passwordPersonal');
    expect(key('Leuchtturm am Hafen 7')).toBeNull();
  });
});
