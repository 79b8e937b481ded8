-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'staging',
    "totalRows" INTEGER NOT NULL,
    "stagedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportStagedItem" (
    "batchId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "isNew" BOOLEAN NOT NULL,
    "transitionId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "stagedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportStagedItem_pkey" PRIMARY KEY ("batchId","row")
);

-- CreateTable
CREATE TABLE "ImportStagedTag" (
    "batchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "ImportStagedTag_pkey" PRIMARY KEY ("batchId","itemId","name")
);

-- CreateIndex
CREATE INDEX "ImportBatch_status_updatedAt_idx" ON "ImportBatch"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "ImportStagedItem" ADD CONSTRAINT "ImportStagedItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportStagedTag" ADD CONSTRAINT "ImportStagedTag_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

