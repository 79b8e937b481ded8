-- CreateTable
CREATE TABLE "GlossaryProposalDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '[]',
    "conceptId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GlossaryProposalDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryProposalDecision_key_key" ON "GlossaryProposalDecision"("key");

-- AlterTable
ALTER TABLE "KnowledgeItem" ADD COLUMN "answersRequestId" TEXT REFERENCES "TopicRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "TopicRequest" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "TopicRequest" ADD COLUMN "closedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "TopicRequest" ADD COLUMN "closedReason" TEXT;
