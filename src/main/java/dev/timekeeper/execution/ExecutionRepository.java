package dev.timekeeper.execution;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Recorded runs. */
interface ExecutionRepository extends JpaRepository<ExecutionEntity, Long>, JpaSpecificationExecutor<ExecutionEntity> {

	@Modifying
	@Query("delete from ExecutionEntity e where e.group = ?1 and e.name = ?2")
	int deleteJob(String group, String name);

	/**
	 * The runs a filter lets through; every part of it is optional.
	 * @param filter the filter
	 * @return a specification for {@code findAll}
	 */
	static Specification<ExecutionEntity> matching(ExecutionFilter filter) {
		return Specification.<ExecutionEntity>unrestricted()
			.and(equal("group", filter.group()))
			.and(equal("name", filter.name()))
			.and(equal("outcome", filter.outcome()))
			.and(startedFrom(filter.from()))
			.and(startedBefore(filter.to()));
	}

	private static Specification<ExecutionEntity> equal(String attribute, @Nullable Object value) {
		return (value == null) ? Specification.unrestricted()
				: (root, query, builder) -> builder.equal(root.get(attribute), value);
	}

	private static Specification<ExecutionEntity> startedFrom(@Nullable Instant from) {
		return (from == null) ? Specification.unrestricted()
				: (root, query, builder) -> builder.greaterThanOrEqualTo(root.get("startedAt"), from);
	}

	private static Specification<ExecutionEntity> startedBefore(@Nullable Instant to) {
		return (to == null) ? Specification.unrestricted()
				: (root, query, builder) -> builder.lessThan(root.get("startedAt"), to);
	}

}
