package dev.timekeeper.jobs;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import dev.timekeeper.validation.FieldProblem;
import dev.timekeeper.validation.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CronExpressions} turns each of the three cron dialects into a Quartz expression
 * that means the same: a Unix crontab line fires exactly when crontab(5) says it does, a
 * macro when cron's macros do, and a Quartz expression is kept as written. What cannot be
 * honoured is refused, naming {@code schedule.expression}.
 * <p>
 * Every expectation is computed by hand from a calendar, starting on Monday 6 January
 * 2025 at 00:00 UTC, and compared with the fire times Quartz itself computes for the
 * translated expression in UTC.
 */
class CronExpressionsTests {

	/**
	 * Monday 6 January 2025, 00:00 UTC: the first instant any schedule below may fire.
	 */
	private static final Instant MONDAY = Instant.parse("2025-01-06T00:00:00Z");

	@Test
	void unixEveryFifteenMinutesFiresOnTheQuarterHours() {
		assertThat(fireTimes("*/15 * * * *", 5)).containsExactly(at("2025-01-06T00:00:00Z"), at("2025-01-06T00:15:00Z"),
				at("2025-01-06T00:30:00Z"), at("2025-01-06T00:45:00Z"), at("2025-01-06T01:00:00Z"));
	}

	@Test
	void unixWeekdayRangeFiresMondayToFridayAndSkipsTheWeekend() {
		assertThat(fireTimes("0 9 * * 1-5", 6)).containsExactly(at("2025-01-06T09:00:00Z"), at("2025-01-07T09:00:00Z"),
				at("2025-01-08T09:00:00Z"), at("2025-01-09T09:00:00Z"), at("2025-01-10T09:00:00Z"),
				at("2025-01-13T09:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 * * 0", "0 0 * * 7" })
	void unixDayZeroAndDaySevenAreBothSunday(String expression) {
		assertThat(fireTimes(expression, 3)).containsExactly(at("2025-01-12T00:00:00Z"), at("2025-01-19T00:00:00Z"),
				at("2025-01-26T00:00:00Z"));
	}

	@Test
	void unixRangeEndingOnSevenRunsFridaySaturdayAndSunday() {
		assertThat(fireTimes("0 0 * * 5-7", 4)).containsExactly(at("2025-01-10T00:00:00Z"), at("2025-01-11T00:00:00Z"),
				at("2025-01-12T00:00:00Z"), at("2025-01-17T00:00:00Z"));
	}

	@Test
	void unixDayOfMonthAloneFiresOnThatDayWhateverTheWeekday() {
		// 1 February 2025 is a Saturday, 1 March a Saturday, 1 April a Tuesday.
		assertThat(fireTimes("30 2 1 * *", 3)).containsExactly(at("2025-02-01T02:30:00Z"), at("2025-03-01T02:30:00Z"),
				at("2025-04-01T02:30:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 * * MON,WED", "0 0 * * mon,wed", "0 0 * * Mon,Wed" })
	void unixDayNamesAreReadWhateverTheirCase(String expression) {
		assertThat(fireTimes(expression, 4)).containsExactly(at("2025-01-06T00:00:00Z"), at("2025-01-08T00:00:00Z"),
				at("2025-01-13T00:00:00Z"), at("2025-01-15T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 1 JUL *", "0 0 1 jul *", "0 0 1 7 *" })
	void unixMonthNamesAreReadWhateverTheirCase(String expression) {
		assertThat(fireTimes(expression, 2)).containsExactly(at("2025-07-01T00:00:00Z"), at("2026-07-01T00:00:00Z"));
	}

	@Test
	void unixStepInDayOfWeekCountsFromSunday() {
		// crontab: */2 over 0-7 is 0, 2, 4, 6: Sunday, Tuesday, Thursday, Saturday.
		assertThat(fireTimes("0 0 * * */2", 5)).containsExactly(at("2025-01-07T00:00:00Z"), at("2025-01-09T00:00:00Z"),
				at("2025-01-11T00:00:00Z"), at("2025-01-12T00:00:00Z"), at("2025-01-14T00:00:00Z"));
	}

	@Test
	void hourlyMacroFiresAtTheTopOfEveryHour() {
		assertThat(fireTimes("@hourly", 3)).containsExactly(at("2025-01-06T00:00:00Z"), at("2025-01-06T01:00:00Z"),
				at("2025-01-06T02:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "@daily", "@midnight", "@DAILY" })
	void dailyAndMidnightMacrosFireEveryDayAtMidnight(String macro) {
		assertThat(fireTimes(macro, 3)).containsExactly(at("2025-01-06T00:00:00Z"), at("2025-01-07T00:00:00Z"),
				at("2025-01-08T00:00:00Z"));
	}

	@Test
	void weeklyMacroFiresOnSundayAtMidnight() {
		assertThat(fireTimes("@weekly", 2)).containsExactly(at("2025-01-12T00:00:00Z"), at("2025-01-19T00:00:00Z"));
	}

	@Test
	void monthlyMacroFiresOnTheFirstOfEachMonthAtMidnight() {
		assertThat(fireTimes("@monthly", 2)).containsExactly(at("2025-02-01T00:00:00Z"), at("2025-03-01T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "@yearly", "@annually" })
	void yearlyAndAnnuallyMacrosFireOnNewYearsDayAtMidnight(String macro) {
		assertThat(fireTimes(macro, 2)).containsExactly(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 30 9 ? * MON-FRI", "15 0 12 1 * ?", "0 0 12 1 1 ? 2030", "0 0/5 14,18 * * ?",
			"0 0 12 L-3 * ?", "0 0 12 ? * 6#3", "0 0 12 15W * ?", "59 59 23 31 12 ?" })
	void quartzSixAndSevenFieldExpressionsPassThroughUnchanged(String expression) {
		assertThat(CronExpressions.toQuartz(expression)).isEqualTo(expression);
	}

	@Test
	void quartzSevenFieldExpressionHonoursItsYear() {
		assertThat(fireTimes("0 0 12 1 1 ? 2030", 2)).containsExactly(at("2030-01-01T12:00:00Z"));
	}

	@Test
	void quartzStarInBothDayFieldsMeansEveryDay() {
		assertThat(fireTimes("0 0 12 * * *", 3)).containsExactly(at("2025-01-06T12:00:00Z"), at("2025-01-07T12:00:00Z"),
				at("2025-01-08T12:00:00Z"));
	}

	@Test
	void unixLineWithBothDayFieldsRestrictedIsRefusedRatherThanChangedInMeaning() {
		assertRefused("0 0 1 * 1");
	}

	@Test
	void unknownMacroIsRefused() {
		assertRefused("@reboot");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 * *", "0 0 0 * * ? 2030 1", "", "   " })
	void expressionWithTheWrongNumberOfFieldsIsRefused(String expression) {
		assertRefused(expression);
	}

	@Test
	void unixDayOfWeekEightIsRefused() {
		assertRefused("0 0 * * 8");
	}

	@Test
	void unixDayRangeRunningBackwardsIsRefused() {
		assertRefused("0 0 * * 5-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 L * *", "0 0 15W * *", "0 0 * * 5L", "0 0 * * 1#2", "0 0 ? * 1", "0 0 1 * ?" })
	void quartzOnlySyntaxInAUnixLineIsRefused(String expression) {
		assertRefused(expression);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b c d e", "every day at noon", "61 * * * *", "0 25 * * *", "0 0 32 * *", "0 0 * 13 *",
			"x 0 12 * * ?", "0 0 12 * * FUNDAY" })
	void garbageIsRefused(String expression) {
		assertRefused(expression);
	}

	/**
	 * Quartz takes 99 and 98 for its own '*' and '?' and skips its range checks for them:
	 * left to Quartz, "99 * * * *" would fire every minute.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "99 * * * *", "0 99 * * *", "0 0 99 * *", "0 0 * 99 *", "0 0 * * 99", "1,99 * * * *",
			"99 0 0 * * ?", "0 99 * * * ?", "0 0 99 * * ?", "0 0 0 99 * ?", "0 0 0 ? 99 *", "0 0 0 ? * 99",
			"0 99/5 * * * ?", "0 1,99 * * * ?", "0 5-99 * * * ?", "0 0 0 ? * 99#2", "0 0 0 1 1 ? 99", "0 0 0 0 * ?",
			"0 0 0 ? 0 *" })
	void numbersOutOfTheirFieldsRangeAreRefused(String expression) {
		assertRefused(expression);
	}

	private static void assertRefused(String expression) {
		assertThatExceptionOfType(InvalidFieldsException.class).as("'%s' is refused", expression)
			.isThrownBy(() -> CronExpressions.toQuartz(expression))
			.satisfies((ex) -> assertThat(ex.getProblems()).extracting(FieldProblem::field)
				.containsExactly(CronExpressions.FIELD)
				.containsExactly("schedule.expression"));
	}

	/**
	 * The first fire times of an expression, in UTC, from {@link #MONDAY} included.
	 */
	private static List<Instant> fireTimes(String expression, int count) {
		String quartz = CronExpressions.toQuartz(expression);
		CronExpression cron;
		try {
			cron = new CronExpression(quartz);
		}
		catch (ParseException ex) {
			throw new AssertionError("'" + expression + "' became the invalid '" + quartz + "'", ex);
		}
		cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
		List<Instant> fireTimes = new ArrayList<>();
		Date after = Date.from(MONDAY.minusSeconds(1));
		while (fireTimes.size() < count) {
			Date next = cron.getNextValidTimeAfter(after);
			if (next == null) {
				break;
			}
			fireTimes.add(next.toInstant());
			after = next;
		}
		return fireTimes;
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
