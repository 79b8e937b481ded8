import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '~/utils/db.server';
import { call, setUpDemoWorkspace, userId } from './route-harness';

/** The piece page shows the body as rendered Markdown to those who read it without editing. */

beforeAll(setUpDemoWorkspace, 60_000);

type Page = { bodyHtml: string | null; canPlan: boolean };

describe('the piece page’s body', () => {
  it('is rendered Markdown for a contributing expert, with raw HTML kept as text', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { some: { userId: userId('expert') } } },
    });
    await prisma.contentPiece.update({
      where: { id: piece.id },
      data: { body: '## Findings\n\n**Shorter** lead times.\n\n<script>alert(1)</script>' },
    });
    const page = await call('routes/calendar.$pieceId', 'GET', 'expert', {
      params: { pieceId: piece.id },
    });
    expect(page.status).toBe(200);
    const { bodyHtml, canPlan } = page.body as Page;
    expect(canPlan).toBe(false);
    expect(bodyHtml).toContain('<h2>Findings</h2>');
    expect(bodyHtml).toContain('<strong>Shorter</strong>');
    expect(bodyHtml).not.toContain('<script>');
    expect(bodyHtml).toContain('&lt;script&gt;');
  });

  it('is left to the editor’s form (with its preview) for those who plan', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow();
    const page = await call('routes/calendar.$pieceId', 'GET', 'editor', {
      params: { pieceId: piece.id },
    });
    expect((page.body as Page).bodyHtml).toBeNull();
  });
});

describe('the piece page’s comment form', () => {
  it('answers a blank comment with its own field error, for the comment form only', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { experts: { some: { userId: userId('expert') } } },
    });
    const comments = await prisma.contentComment.count({ where: { pieceId: piece.id } });
    const answer = await call('routes/calendar.$pieceId', 'POST', 'expert', {
      params: { pieceId: piece.id },
      form: { intent: 'comment', body: '   ' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      ok: false,
      intent: 'comment',
      errors: { body: { key: 'validation.required' } },
    });
    expect(await prisma.contentComment.count({ where: { pieceId: piece.id } })).toBe(comments);
  });
});
