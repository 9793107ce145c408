package dev.timekeeper.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stored job definitions. */
interface JobRepository extends JpaRepository<JobEntity, Long> {

	@Query("select j from JobEntity j where j.group = ?1 and j.name = ?2")
	Optional<JobEntity> find(String group, String name);

	@Query("select count(j) > 0 from JobEntity j where j.group = ?1 and j.name = ?2")
	boolean exists(String group, String name);

	/**
	 * Reads a job's row and keeps it locked until the transaction ends: a delete of the
	 * job waits for that, and a lock taken after a delete finds no row.
	 * @param group the job's group
	 * @param name the job's name
	 * @return the job, if it exists
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select j from JobEntity j where j.group = ?1 and j.name = ?2")
	Optional<JobEntity> lock(String group, String name);

	@Modifying(flushAutomatically = true)
	@Query("delete from JobEntity j where j.group = ?1 and j.name = ?2")
	int delete(String group, String name);

	/**
	 * Which of the names are taken in a group, in one query (on the unique key).
	 * @param group the group
	 * @param names the names to look for
	 * @return the names that exist
	 */
	@Query("select j.name from JobEntity j where j.group = ?1 and j.name in ?2")
	List<String> existingNames(String group, Collection<String> names);

	@Query("select j.createdAt from JobEntity j where j.group = ?1 and j.name = ?2")
	Optional<Instant> createdAt(String group, String name);

	@Query("select count(j) from JobEntity j where j.group = ?1")
	long countInGroup(String group);

}
