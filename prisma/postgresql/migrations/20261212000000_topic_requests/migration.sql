-- CreateTable
CREATE TABLE "TopicRequest" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TopicRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TopicRequest_department_status_idx" ON "TopicRequest"("department", "status");

-- CreateIndex
CREATE INDEX "TopicRequest_needId_idx" ON "TopicRequest"("needId");

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRequest" ADD CONSTRAINT "TopicRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

