-- Social Technographics profiles of audiences: the share of each behaviour group, with its source
-- and date (one profile per audience).

-- CreateTable
CREATE TABLE "AudienceProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "audienceId" TEXT NOT NULL,
    "creators" INTEGER NOT NULL,
    "conversationalists" INTEGER NOT NULL,
    "critics" INTEGER NOT NULL,
    "collectors" INTEGER NOT NULL,
    "joiners" INTEGER NOT NULL,
    "spectators" INTEGER NOT NULL,
    "inactives" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "surveyedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AudienceProfile_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AudienceProfile_audienceId_key" ON "AudienceProfile"("audienceId");

