package dev.timekeeper.jobs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored definitions are parsed once per distinct text; a changed text is always read
 * afresh, and the memo stays bounded.
 */
class StoredDefinitionsTests {

	private static final String DEFINITION = """
			{"group":"g","name":"n","type":"noop","params":{},"schedule":{"kind":"interval","every":"%s"},\
			"timeZone":"UTC","misfirePolicy":"FIRE_NOW","allowConcurrent":false}""";

	private final StoredDefinitions definitions = new StoredDefinitions(JsonMapper.builder().build());

	@Test
	void theSameTextGivesTheSameSpecWithoutParsingItAgain() {
		JobSpec first = this.definitions.read(DEFINITION.formatted("PT1M"));
		assertThat(this.definitions.read(new String(DEFINITION.formatted("PT1M")))).isSameAs(first);
	}

	@Test
	void aReplacedDefinitionIsReadFromItsNewText() {
		JobSpec before = this.definitions.read(DEFINITION.formatted("PT1M"));
		JobSpec after = this.definitions.read(DEFINITION.formatted("PT5M"));
		assertThat(((IntervalSchedule) before.schedule()).every()).hasMinutes(1);
		assertThat(((IntervalSchedule) after.schedule()).every()).hasMinutes(5);
	}

	@Test
	void itKeepsAtMostItsLimit() {
		for (int i = 1; i <= StoredDefinitions.MAX_ENTRIES + 10; i++) {
			this.definitions.read(DEFINITION.formatted("PT" + i + "S"));
		}
		assertThat(this.definitions.size()).isBetween(1, StoredDefinitions.MAX_ENTRIES);
		assertThat(((IntervalSchedule) this.definitions.read(DEFINITION.formatted("PT7S")).schedule()).every())
			.hasSeconds(7);
	}

}
