-- CreateTable
CREATE TABLE "StrategyReview" (
    "id" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "StrategyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewFinding" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "goalId" TEXT,
    "kpiId" TEXT,
    "channel" TEXT,
    "audienceId" TEXT,
    "subjectName" TEXT NOT NULL DEFAULT '',
    "fromValue" DOUBLE PRECISION,
    "toValue" DOUBLE PRECISION,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StrategyReview_dueOn_key" ON "StrategyReview"("dueOn");

-- CreateIndex
CREATE INDEX "StrategyReview_status_idx" ON "StrategyReview"("status");

-- CreateIndex
CREATE INDEX "ReviewFinding_reviewId_idx" ON "ReviewFinding"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewDecision_reviewId_idx" ON "ReviewDecision"("reviewId");

-- AddForeignKey
ALTER TABLE "ReviewFinding" ADD CONSTRAINT "ReviewFinding_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "StrategyReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "StrategyReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

