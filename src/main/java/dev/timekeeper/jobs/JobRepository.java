package dev.timekeeper.jobs;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stored job definitions. */
interface JobRepository extends JpaRepository<JobEntity, Long> {

	@Query("select j from JobEntity j where j.group = ?1 and j.name = ?2")
	Optional<JobEntity> find(String group, String name);

	@Query("select count(j) > 0 from JobEntity j where j.group = ?1 and j.name = ?2")
	boolean exists(String group, String name);

	@Modifying(flushAutomatically = true)
	@Query("delete from JobEntity j where j.group = ?1 and j.name = ?2")
	int delete(String group, String name);

	@Query("select j.createdAt from JobEntity j where j.group = ?1 and j.name = ?2")
	Optional<Instant> createdAt(String group, String name);

	@Query("select count(j) from JobEntity j where j.group = ?1")
	long countInGroup(String group);

}
