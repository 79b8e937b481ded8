import { describe, expect, it } from 'vitest';
import { entryErrors, subjectChoice, SubjectEntrySchema } from '~/forms/results';

const entry = {
  metric: 'mentions',
  value: '12',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
};

const measuredFor = (choice?: string) =>
  SubjectEntrySchema.safeParse(choice === undefined ? entry : { ...entry, for: choice });

describe('the "Measured for" field of a number beyond single pieces', () => {
  it('reads the whole workspace, a channel or an audience', () => {
    for (const choice of [undefined, '', 'workspace', ' workspace '])
      expect(measuredFor(choice).data?.for, String(choice)).toEqual({
        subject: 'workspace',
        channel: null,
        audienceId: null,
      });
    expect(measuredFor('channel:podcast').data?.for).toEqual({
      subject: 'channel',
      channel: 'podcast',
      audienceId: null,
    });
    expect(measuredFor('audience:cm0abc').data?.for).toEqual({
      subject: 'audience',
      channel: null,
      audienceId: 'cm0abc',
    });
  });

  it('names the field in its message when the choice is unknown', () => {
    const cases: [string, string][] = [
      ['channel:newsletter', 'results.workspace.unknownChannel'],
      ['channel:Podcast', 'results.workspace.unknownChannel'],
      ['audience:', 'results.workspace.unknownSubject'],
      ['piece:abc', 'results.workspace.unknownSubject'],
      ['channels', 'results.workspace.unknownSubject'],
      [`audience:${'x'.repeat(101)}`, 'results.workspace.unknownSubject'],
    ];
    for (const [choice, message] of cases) {
      const parsed = measuredFor(choice);
      expect(parsed.success, choice).toBe(false);
      expect(parsed.error?.issues, choice).toEqual([
        expect.objectContaining({ path: ['for'], message }),
      ]);
    }
  });

  it('writes a subject back as the choice it was read from', () => {
    for (const choice of ['workspace', 'channel:webinar', 'audience:cm0abc'])
      expect(subjectChoice(measuredFor(choice).data!.for)).toBe(choice);
  });

  it('puts the model’s errors about the subject next to the "Measured for" field', () => {
    expect(
      entryErrors([
        { field: 'channel', code: 'channel' },
        { field: 'value', code: 'negative' },
      ]),
    ).toEqual({
      for: { key: 'validation.invalid' },
      value: { key: 'results.problems.negative' },
    });
  });
});
