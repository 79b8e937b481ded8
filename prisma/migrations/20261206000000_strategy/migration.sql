-- The content strategy: the overall owner and review cadence, goals agreed with management, their
-- KPIs, the stock-take, the milestones of the timeline, and the pieces that serve each goal.

-- CreateTable
CREATE TABLE "Strategy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "ownerId" TEXT,
    "reviewCadenceMonths" INTEGER NOT NULL DEFAULT 6,
    "lastReviewOn" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Strategy_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "proposedById" TEXT NOT NULL,
    "agreedById" TEXT,
    "agreedAt" DATETIME,
    "sentBackComment" TEXT,
    "sentBackById" TEXT,
    "sentBackAt" DATETIME,
    "retiredAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Goal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Goal_agreedById_fkey" FOREIGN KEY ("agreedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Goal_sentBackById_fkey" FOREIGN KEY ("sentBackById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "goalId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "customLabel" TEXT,
    "unit" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "baseline" REAL,
    "target" REAL NOT NULL,
    "targetDate" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'workspace',
    "channel" TEXT,
    "audienceId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Kpi_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Kpi_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StockTakeEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "notedOn" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PieceGoal" (
    "pieceId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("pieceId", "goalId"),
    CONSTRAINT "PieceGoal_pieceId_fkey" FOREIGN KEY ("pieceId") REFERENCES "ContentPiece" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PieceGoal_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Goal_status_idx" ON "Goal"("status");

-- CreateIndex
CREATE INDEX "Kpi_goalId_idx" ON "Kpi"("goalId");

-- CreateIndex
CREATE INDEX "Kpi_metric_scope_idx" ON "Kpi"("metric", "scope");

-- CreateIndex
CREATE INDEX "Kpi_audienceId_idx" ON "Kpi"("audienceId");

-- CreateIndex
CREATE INDEX "StockTakeEntry_kind_idx" ON "StockTakeEntry"("kind");

-- CreateIndex
CREATE INDEX "Milestone_date_idx" ON "Milestone"("date");

-- CreateIndex
CREATE INDEX "PieceGoal_goalId_idx" ON "PieceGoal"("goalId");

