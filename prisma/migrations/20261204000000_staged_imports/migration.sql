-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'staging',
    "totalRows" INTEGER NOT NULL,
    "stagedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
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
    "stagedAt" DATETIME NOT NULL,

    PRIMARY KEY ("batchId", "row"),
    CONSTRAINT "ImportStagedItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportStagedTag" (
    "batchId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("batchId", "itemId", "name"),
    CONSTRAINT "ImportStagedTag_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportBatch_status_updatedAt_idx" ON "ImportBatch"("status", "updatedAt");

