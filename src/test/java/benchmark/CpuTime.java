package benchmark;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time, as the operating system counts it ({@link ProcessHandle.Info}): of one
 * process, a scheduler's JVM, and of all PostgreSQL's processes on this machine (its
 * server and the backends of every connection), which share the machine's cores with the
 * scheduler. A burst's rate says how fast it fired; its CPU per fire says where the cost
 * of a fire went, to the scheduler or to the database.
 * <p>
 * A PostgreSQL backend that exits between two readings takes its time out of the sum; the
 * schedulers' pools keep their connections through a burst.
 *
 * @param processNanos the process's user and system time
 * @param databaseNanos PostgreSQL's processes' user and system time
 */
public record CpuTime(long processNanos, long databaseNanos) {

	/**
	 * Reads the CPU time used so far.
	 * @param pid the process
	 * @return the process's and PostgreSQL's CPU time
	 */
	public static CpuTime of(long pid) {
		return new CpuTime(nanos(ProcessHandle.of(pid).map(ProcessHandle::info)), postgresql());
	}

	/**
	 * The CPU time used since an earlier reading.
	 * @param start the earlier reading
	 * @return the difference
	 */
	public CpuTime since(CpuTime start) {
		return new CpuTime(this.processNanos - start.processNanos, this.databaseNanos - start.databaseNanos);
	}

	private static long postgresql() {
		return ProcessHandle.allProcesses()
			.map(ProcessHandle::info)
			.filter((info) -> info.command().map((command) -> command.endsWith("/postgres")).orElse(false))
			.mapToLong((info) -> nanos(Optional.of(info)))
			.sum();
	}

	private static long nanos(Optional<ProcessHandle.Info> info) {
		return info.flatMap(ProcessHandle.Info::totalCpuDuration).map(Duration::toNanos).orElse(0L);
	}

}
