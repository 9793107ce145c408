package dev.timekeeper.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.timekeeper.execution.ExecutionLog;
import dev.timekeeper.execution.JobRef;
import dev.timekeeper.execution.LastExecution;
import dev.timekeeper.execution.LastExecutionJoin;
import dev.timekeeper.validation.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads jobs as the API shows them, in one view: the stored definition joined with
 * Quartz's trigger row (state, next and previous fire) and its fired-trigger rows (a run
 * in progress on any node). Filtering, sorting and paging happen in the database; a page
 * sorted by the jobs' own columns is chosen from their rows before the view is read.
 */
@Component
class JobViews {

	static final Map<String, String> SORTABLE = Map.of("group", "job_group", "name", "job_name", "type", "job_type",
			"createdAt", "created_at", "updatedAt", "updated_at", "nextFireTime", "next_fire_time", "state", "state");

	/**
	 * The sortable properties that are columns of the job's own row (none of them null).
	 */
	private static final Map<String, String> OWN_COLUMNS = Map.of("group", "j.JOB_GROUP", "name", "j.JOB_NAME", "type",
			"j.JOB_TYPE", "createdAt", "j.CREATED_AT", "updatedAt", "j.UPDATED_AT");

	/** The largest page the API serves; a larger one is read through the view. */
	private static final int MAX_KEYED_PAGE = 500;

	/** A job's triggers: its schedule's, and any retry waiting to fire. */
	private static final String TRIGGERS_OF_THE_JOB = """
			FROM QRTZ_TRIGGERS x WHERE x.SCHED_NAME = :sched AND x.JOB_GROUP = j.JOB_GROUP AND x.JOB_NAME = j.JOB_NAME""";

	/**
	 * The job {@code j}'s own trigger {@code t}: its schedule's, named as the job is
	 * (none once a one-shot job's has gone).
	 */
	static final String OWN_TRIGGER = """
			LEFT JOIN QRTZ_TRIGGERS t ON t.SCHED_NAME = :sched AND t.TRIGGER_GROUP = j.JOB_GROUP
			  AND t.TRIGGER_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP AND t.JOB_NAME = j.JOB_NAME""";

	/** Every job with its own trigger. */
	private static final String JOBS = """
			FROM TK_JOB j
			%s
			WHERE 1 = 1""".formatted(OWN_TRIGGER);

	/**
	 * The state of the job {@code j} with its own trigger {@code t}.
	 * {@link JobStateCounts} counts the jobs it must work out with this, maps those whose
	 * own trigger is their only one and that have no run in progress from that trigger's
	 * state, and counts the rest (no trigger, no run) complete; its tests hold the two
	 * equal.
	 */
	static final String STATE = """
			CASE
			  WHEN EXISTS (SELECT 1 %1$s AND x.TRIGGER_STATE IN ('PAUSED', 'PAUSED_BLOCKED')) THEN 'PAUSED'
			  WHEN EXISTS (SELECT 1 FROM QRTZ_FIRED_TRIGGERS f WHERE f.SCHED_NAME = :sched
			      AND f.JOB_GROUP = j.JOB_GROUP AND f.JOB_NAME = j.JOB_NAME AND f.STATE = 'EXECUTING') THEN 'RUNNING'
			  WHEN t.TRIGGER_STATE = 'ERROR' THEN 'ERROR'
			  WHEN t.TRIGGER_STATE = 'BLOCKED' THEN 'BLOCKED'
			  WHEN NOT EXISTS (SELECT 1 %1$s AND x.TRIGGER_STATE <> 'COMPLETE') THEN 'COMPLETE'
			  ELSE 'NORMAL'
			END""".formatted(TRIGGERS_OF_THE_JOB);

	private static final String VIEW_COLUMNS = """
			SELECT j.JOB_GROUP AS job_group, j.JOB_NAME AS job_name, j.JOB_TYPE AS job_type,
			  j.DEFINITION AS definition, j.CREATED_AT AS created_at, j.UPDATED_AT AS updated_at,
			  (SELECT MIN(x.NEXT_FIRE_TIME) %s AND x.NEXT_FIRE_TIME >= 0
			    AND x.TRIGGER_STATE <> 'COMPLETE') AS next_fire_time,
			  t.PREV_FIRE_TIME AS prev_fire_time, %s AS state""".formatted(TRIGGERS_OF_THE_JOB, STATE);

	private static final String VIEW = VIEW_COLUMNS + "\n" + JOBS;

	/** The view of one job with its last run, in one statement. */
	private static final String VIEW_WITH_LAST_RUN = """
			%s, %s
			FROM TK_JOB j
			%s
			%s
			WHERE j.JOB_GROUP = :group AND j.JOB_NAME = :name""".formatted(VIEW_COLUMNS, LastExecutionJoin.COLUMNS,
			OWN_TRIGGER, LastExecutionJoin.join("j.JOB_GROUP", "j.JOB_NAME"));

	/**
	 * Each job's state and nothing else: counting rows of the whole view, H2 reads every
	 * job's definition and works out its next fire time too.
	 */
	private static final String STATES = """
			SELECT %s AS state
			%s""".formatted(STATE, JOBS);

	private final JdbcClient jdbc;

	private final StoredDefinitions definitions;

	private final ExecutionLog executions;

	private final String schedulerName;

	JobViews(JdbcClient jdbc, JsonMapper jsonMapper, ExecutionLog executions, Scheduler scheduler)
			throws SchedulerException {
		this.jdbc = jdbc;
		this.definitions = new StoredDefinitions(jsonMapper);
		this.executions = executions;
		this.schedulerName = scheduler.getSchedulerName();
	}

	Optional<JobView> find(JobId id) {
		return this.jdbc.sql(VIEW_WITH_LAST_RUN)
			.param("sched", this.schedulerName)
			.param("group", id.group())
			.param("name", id.name())
			.query((rs, row) -> {
				JobView view = view(rs, row);
				return LastExecutionJoin.read(rs)
					.filter((execution) -> isOf(view, execution))
					.map(view::withLastExecution)
					.orElse(view);
			})
			.optional();
	}

	/**
	 * A job just created in the caller's transaction, without reading its history: it has
	 * no run of its own yet (a run recorded under its name before it existed was a
	 * deleted job's, which {@link #find} would leave out too).
	 * @param id the job
	 * @return the job, if it exists
	 */
	Optional<JobView> findCreated(JobId id) {
		return this.jdbc.sql(VIEW + " AND j.JOB_GROUP = :group AND j.JOB_NAME = :name")
			.param("sched", this.schedulerName)
			.param("group", id.group())
			.param("name", id.name())
			.query(this::view)
			.optional();
	}

	Page<JobView> page(JobFilter filter, PageRequest pageRequest) {
		// only the filters given become conditions: "(:p IS NULL OR column = :p)" would
		// keep the database from using an index
		StringBuilder conditions = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		params.put("sched", this.schedulerName);
		if (filter.group() != null) {
			conditions.append(" AND j.JOB_GROUP = :group");
			params.put("group", filter.group());
		}
		if (filter.type() != null) {
			conditions.append(" AND j.JOB_TYPE = :type");
			params.put("type", filter.type());
		}
		String from = " FROM (" + VIEW + conditions + ") v";
		String counted = "SELECT COUNT(*) FROM TK_JOB j WHERE 1 = 1" + conditions;
		if (filter.state() != null) {
			from += " WHERE v.state = :state";
			counted = "SELECT COUNT(*) FROM (" + STATES + conditions + ") v WHERE v.state = :state";
			params.put("state", filter.state().name());
		}
		long total = this.jdbc.sql(counted).params(params).query(Long.class).single();
		List<JobView> content = isKeyed(filter, pageRequest) ? keyedPage(conditions.toString(), params, pageRequest)
				: this.jdbc.sql("SELECT *" + from + orderBy(pageRequest.getSort()) + " LIMIT :limit OFFSET :offset")
					.params(params)
					.param("limit", pageRequest.getPageSize())
					.param("offset", pageRequest.getOffset())
					.query(this::view)
					.list();
		return new PageImpl<>(withLastExecutions(content), pageRequest, total);
	}

	/**
	 * Whether the page's jobs can be chosen from their own rows: no state filter, and a
	 * sort by columns of those rows only.
	 */
	private static boolean isKeyed(JobFilter filter, PageRequest pageRequest) {
		return filter.state() == null && pageRequest.getPageSize() <= MAX_KEYED_PAGE
				&& pageRequest.getSort().stream().allMatch((order) -> OWN_COLUMNS.containsKey(order.getProperty()));
	}

	/**
	 * A page chosen from the jobs' own rows, then read through the view for those jobs
	 * alone. Asked to sort and limit the whole view, H2 works out every job's row first
	 * (its definition read, its state and next fire time looked up): with 100,000 jobs
	 * the first page of 20 read all of them, and its garbage grew the heap by some 300
	 * MB.
	 */
	private List<JobView> keyedPage(String conditions, Map<String, Object> params, PageRequest pageRequest) {
		List<String> terms = new ArrayList<>();
		for (Sort.Order order : pageRequest.getSort()) {
			terms.add(OWN_COLUMNS.get(order.getProperty()) + (order.isAscending() ? " ASC" : " DESC"));
		}
		terms.add("j.JOB_GROUP ASC");
		terms.add("j.JOB_NAME ASC");
		List<PageKey> keys = this.jdbc
			.sql("SELECT j.ID, j.JOB_GROUP, j.JOB_NAME FROM TK_JOB j WHERE 1 = 1" + conditions + " ORDER BY "
					+ String.join(", ", terms) + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageRequest.getPageSize())
			.param("offset", pageRequest.getOffset())
			.query((rs, row) -> new PageKey(rs.getLong(1), new JobId(rs.getString(2), rs.getString(3))))
			.list();
		if (keys.isEmpty()) {
			return List.of();
		}
		// by id, the primary key; the filters again, for a job changed meanwhile (one
		// deleted meanwhile is left out)
		Map<JobId, JobView> views = new HashMap<>();
		this.jdbc.sql(VIEW + conditions + " AND j.ID IN (:ids)")
			.params(params)
			.param("ids", keys.stream().map(PageKey::id).toList())
			.query(this::view)
			.list()
			.forEach((view) -> views.put(view.id(), view));
		return keys.stream().map((key) -> views.get(key.job())).filter(Objects::nonNull).toList();
	}

	private List<JobView> withLastExecutions(List<JobView> views) {
		Map<JobRef, LastExecution> last = this.executions
			.latest(views.stream().map((view) -> new JobRef(view.group(), view.name())).toList());
		return views.stream().map((view) -> {
			LastExecution execution = last.get(new JobRef(view.group(), view.name()));
			return (execution != null && isOf(view, execution)) ? view.withLastExecution(execution) : view;
		}).toList();
	}

	/**
	 * Whether a job's last recorded run is its own: a run of a deleted job of the same
	 * name, recorded after it was deleted, is not.
	 */
	private static boolean isOf(JobView view, LastExecution execution) {
		return !execution.startedAt().isBefore(view.createdAt());
	}

	private static String orderBy(Sort sort) {
		List<String> terms = new ArrayList<>();
		for (Sort.Order order : sort) {
			String column = SORTABLE.get(order.getProperty());
			if (column == null) {
				throw InvalidFieldsException.of("sort", "cannot sort by '" + order.getProperty() + "'; sortable: "
						+ SORTABLE.keySet().stream().sorted().collect(Collectors.joining(", ")));
			}
			terms.add("v." + column + (order.isAscending() ? " ASC" : " DESC") + " NULLS LAST");
		}
		terms.add("v.job_group ASC");
		terms.add("v.job_name ASC");
		return " ORDER BY " + String.join(", ", terms);
	}

	private JobView view(ResultSet rs, int row) throws SQLException {
		JobSpec spec = this.definitions.read(rs.getString("definition"));
		return JobView.of(spec, JobState.valueOf(rs.getString("state")), instant(rs, "next_fire_time"),
				instant(rs, "prev_fire_time"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return (rs.wasNull() || millis < 0) ? null : Instant.ofEpochMilli(millis);
	}

	/**
	 * A job of a page, as its own row names it.
	 *
	 * @param id the row's id
	 * @param job the job
	 */
	private record PageKey(long id, JobId job) {

	}

	/**
	 * What a list of jobs is narrowed to; each part is ignored when null.
	 *
	 * @param group only jobs of this group
	 * @param type only jobs of this type
	 * @param state only jobs in this state
	 */
	record JobFilter(@Nullable String group, @Nullable String type, @Nullable JobState state) {

	}

}
