package dev.timekeeper.jobs;

import java.util.List;
import java.util.stream.StreamSupport;

import dev.timekeeper.jobs.JobViews.JobFilter;
import dev.timekeeper.support.ApiTestSupport;
import dev.timekeeper.support.RecordingJobType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page sorted by the jobs' own columns is chosen from their rows before the view is
 * worked out for it; it holds the same jobs, in the same order, as the page the whole
 * view gives (which a page larger than the API's largest, or a sort by state, reads).
 */
class JobPagesTests extends ApiTestSupport {

	@Autowired
	private JobViews views;

	@BeforeEach
	void jobs() {
		// the same names in two groups, two types, created one after the other
		for (String group : List.of("pages-b", "pages-a")) {
			for (String name : List.of("zulu", "alpha", "mike")) {
				String type = name.equals("mike") ? RecordingJobType.NAME : "noop";
				String params = name.equals("mike") ? "{\"key\": \"pages-" + group + "\"}" : "{}";
				this.api.put("/api/v1/jobs/" + group + "/" + name, """
						{"type": "%s", "params": %s, "schedule": {"kind": "interval", "every": "PT1H"}}"""
					.formatted(type, params));
			}
		}
	}

	@Test
	void aPageByTheJobsOwnColumnsIsTheViewsPage() {
		List<Sort> sorts = List.of(Sort.unsorted(), Sort.by(Sort.Order.desc("name")),
				Sort.by(Sort.Order.asc("type"), Sort.Order.desc("createdAt")), Sort.by("updatedAt"),
				Sort.by(Sort.Order.desc("group"), Sort.Order.asc("name")));
		for (Sort sort : sorts) {
			List<JobId> all = ids(this.views.page(new JobFilter(null, null, null), PageRequest.of(0, 100_000, sort)));
			assertThat(all).as("a telling case").hasSizeGreaterThanOrEqualTo(6);
			for (int size : List.of(1, 4, 500)) {
				for (int page = 0; page * size < Math.min(all.size(), 12); page++) {
					List<JobId> keyed = ids(
							this.views.page(new JobFilter(null, null, null), PageRequest.of(page, size, sort)));
					assertThat(keyed).as("page %d of %d by %s", page, size, sort)
						.isEqualTo(all.subList(page * size, Math.min(all.size(), (page + 1) * size)));
				}
			}
			List<JobId> group = ids(this.views.page(new JobFilter("pages-a", null, null), PageRequest.of(0, 2, sort)));
			List<JobId> groupAll = ids(
					this.views.page(new JobFilter("pages-a", null, null), PageRequest.of(0, 100_000, sort)));
			assertThat(group).as("group by %s", sort).isEqualTo(groupAll.subList(0, 2));
			List<JobId> typed = ids(
					this.views.page(new JobFilter(null, RecordingJobType.NAME, null), PageRequest.of(0, 500, sort)));
			assertThat(typed).as("type by %s", sort)
				.isEqualTo(ids(this.views.page(new JobFilter(null, RecordingJobType.NAME, null),
						PageRequest.of(0, 100_000, sort))))
				.contains(new JobId("pages-a", "mike"), new JobId("pages-b", "mike"));
		}
	}

	private static List<JobId> ids(Iterable<JobView> views) {
		return StreamSupport.stream(views.spliterator(), false).map(JobView::id).toList();
	}

}
