-- Results: metric observations (about exactly one subject each: models/results*.server.ts),
-- results imports that can be undone, saved column mappings; pieces get their platform id.

-- AlterTable
ALTER TABLE "ContentPiece" ADD COLUMN     "platformId" TEXT;

-- CreateTable
CREATE TABLE "MetricObservation" (
    "id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "pieceId" TEXT,
    "channel" TEXT,
    "audienceId" TEXT,
    "source" TEXT NOT NULL,
    "importId" TEXT,
    "enteredById" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "mappingId" TEXT,
    "rows" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "observations" INTEGER NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneById" TEXT,
    "undoneAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ResultImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultMapping" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ResultMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricObservation_pieceId_metric_periodEnd_idx" ON "MetricObservation"("pieceId", "metric", "periodEnd");

-- CreateIndex
CREATE INDEX "MetricObservation_metric_subject_periodEnd_idx" ON "MetricObservation"("metric", "subject", "periodEnd");

-- CreateIndex
CREATE INDEX "MetricObservation_channel_metric_idx" ON "MetricObservation"("channel", "metric");

-- CreateIndex
CREATE INDEX "MetricObservation_audienceId_metric_idx" ON "MetricObservation"("audienceId", "metric");

-- CreateIndex
CREATE INDEX "MetricObservation_importId_idx" ON "MetricObservation"("importId");

-- CreateIndex
CREATE INDEX "ResultImport_createdAt_idx" ON "ResultImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResultMapping_name_key" ON "ResultMapping"("name");

-- CreateIndex
CREATE INDEX "ContentPiece_platformId_idx" ON "ContentPiece"("platformId");

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_pieceId_fkey" FOREIGN KEY ("pieceId") REFERENCES "ContentPiece"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricObservation" ADD CONSTRAINT "MetricObservation_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ResultImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

