-- AlterTable
ALTER TABLE "KnowledgeItem" ADD COLUMN     "answersRequestId" TEXT;

-- AlterTable
ALTER TABLE "TopicRequest" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "closedReason" TEXT;

-- CreateTable
CREATE TABLE "GlossaryProposalDecision" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '[]',
    "conceptId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GlossaryProposalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryProposalDecision_key_key" ON "GlossaryProposalDecision"("key");

-- AddForeignKey
ALTER TABLE "KnowledgeItem" ADD CONSTRAINT "KnowledgeItem_answersRequestId_fkey" FOREIGN KEY ("answersRequestId") REFERENCES "TopicRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryProposalDecision" ADD CONSTRAINT "GlossaryProposalDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

