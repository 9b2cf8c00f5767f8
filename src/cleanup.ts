// The post step. It will stop a session that main started and never saw finish; until then it
// has nothing to clean up. It never fails the job.
export async function cleanup(): Promise<void> {}
