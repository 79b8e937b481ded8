-- One content idea per accepted match. Installs that accepted a match twice (or twice at once)
-- before this constraint keep every piece; only the oldest stays linked to its match.
UPDATE "ContentPiece" SET "originMatchId" = NULL
WHERE "originMatchId" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "ContentPiece" AS "older"
    WHERE "older"."originMatchId" = "ContentPiece"."originMatchId"
      AND ("older"."createdAt" < "ContentPiece"."createdAt"
        OR ("older"."createdAt" = "ContentPiece"."createdAt" AND "older"."id" < "ContentPiece"."id"))
  );

-- CreateIndex
CREATE UNIQUE INDEX "ContentPiece_originMatchId_key" ON "ContentPiece"("originMatchId");
