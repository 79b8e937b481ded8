-- Social Technographics profiles of audiences: the share of each behaviour group, with its source
-- and date (one profile per audience).

-- CreateTable
CREATE TABLE "AudienceProfile" (
    "id" TEXT NOT NULL,
    "audienceId" TEXT NOT NULL,
    "creators" INTEGER NOT NULL,
    "conversationalists" INTEGER NOT NULL,
    "critics" INTEGER NOT NULL,
    "collectors" INTEGER NOT NULL,
    "joiners" INTEGER NOT NULL,
    "spectators" INTEGER NOT NULL,
    "inactives" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "surveyedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AudienceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AudienceProfile_audienceId_key" ON "AudienceProfile"("audienceId");

-- AddForeignKey
ALTER TABLE "AudienceProfile" ADD CONSTRAINT "AudienceProfile_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

