package dev.timekeeper.jobs;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import dev.timekeeper.validation.InvalidFieldsException;
import org.quartz.CronExpression;

/**
 * Reads the three cron dialects a job may use and gives the Quartz expression that means
 * the same: Quartz's own (6 or 7 fields, seconds first), Unix crontab (5 fields, as
 * crontab(5) defines them) and the {@code @daily}-style macros.
 */
final class CronExpressions {

	static final String FIELD = "schedule.expression";

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 ?", "@annually", "0 0 0 1 1 ?",
			"@monthly", "0 0 0 1 * ?", "@weekly", "0 0 0 ? * SUN", "@daily", "0 0 0 * * ?", "@midnight", "0 0 0 * * ?",
			"@hourly", "0 0 * * * ?");

	private static final java.util.regex.Pattern UNIX_DAY_ITEM = java.util.regex.Pattern
		.compile("(\\*|[0-7])(?:-([0-7]))?(/\\d+)?");

	/** Quartz's last-day and nearest-weekday marks: L, LW, 5L, 15W (not the L of JUL). */
	private static final java.util.regex.Pattern QUARTZ_ONLY_TOKEN = java.util.regex.Pattern
		.compile("(?i)L|LW|\\d+[LW]");

	private static final List<String> QUARTZ_FIELDS = List.of("second", "minute", "hour", "day of month", "month",
			"day of week", "year");

	private static final int[][] QUARTZ_BOUNDS = { { 0, 59 }, { 0, 59 }, { 0, 23 }, { 1, 31 }, { 1, 12 }, { 1, 7 },
			{ 1970, 9999 } };

	private static final List<String> UNIX_FIELDS = QUARTZ_FIELDS.subList(1, 6);

	private static final int[][] UNIX_BOUNDS = { { 0, 59 }, { 0, 23 }, { 1, 31 }, { 1, 12 }, { 0, 7 } };

	private CronExpressions() {
	}

	/**
	 * The Quartz expression for what a job says.
	 * @param expression the job's expression in any of the three dialects
	 * @return a valid Quartz cron expression
	 * @throws InvalidFieldsException naming {@code schedule.expression} when it is not
	 * valid, or asks for what Quartz cannot do
	 */
	static String toQuartz(String expression) {
		String trimmed = expression.trim();
		String quartz;
		if (trimmed.startsWith("@")) {
			quartz = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
			if (quartz == null) {
				throw invalid("unknown macro '" + trimmed + "'; known: @hourly, @daily, @weekly, @monthly, @yearly");
			}
		}
		else {
			String[] fields = trimmed.split("\\s+");
			quartz = switch (fields.length) {
				case 5 -> fromUnix(fields);
				case 6, 7 -> fromQuartz(fields);
				default -> throw invalid("has " + fields.length
						+ " fields; expected 5 (Unix crontab), 6 or 7 (Quartz, seconds first) or a macro such as @daily");
			};
		}
		try {
			CronExpression.validateExpression(quartz);
		}
		catch (ParseException ex) {
			throw invalid("is not a valid cron expression: " + ex.getMessage());
		}
		return quartz;
	}

	/**
	 * Quartz wants '?' in one of the day fields; "every day of the month and every day of
	 * the week" is unambiguous, so it is read as Quartz would need it written.
	 */
	private static String fromQuartz(String[] fields) {
		checkBounds(fields, QUARTZ_FIELDS, QUARTZ_BOUNDS);
		if ("*".equals(fields[3]) && "*".equals(fields[5])) {
			fields[5] = "?";
		}
		return String.join(" ", fields);
	}

	/**
	 * crontab(5): when both day fields are restricted a day matching either runs the
	 * command. Quartz can only restrict one of them, so that case is refused rather than
	 * silently changed in meaning.
	 */
	private static String fromUnix(String[] fields) {
		for (String field : fields) {
			if (field.contains("?") || field.contains("#") || Arrays.stream(field.split("[,/-]"))
				.anyMatch((token) -> QUARTZ_ONLY_TOKEN.matcher(token).matches())) {
				throw invalid("uses '" + field
						+ "', which Unix crontab syntax does not have; use Quartz syntax (6 fields, seconds first)");
			}
		}
		checkBounds(fields, UNIX_FIELDS, UNIX_BOUNDS);
		String dayOfMonth = fields[2];
		String dayOfWeek = fields[4];
		boolean anyDayOfMonth = "*".equals(dayOfMonth);
		boolean anyDayOfWeek = "*".equals(dayOfWeek);
		if (!anyDayOfMonth && !anyDayOfWeek) {
			throw invalid("restricts both day of month and day of week, which crontab reads as 'either matches';"
					+ " Quartz cannot express that: use two jobs, one per day field");
		}
		String quartzDayOfMonth = anyDayOfWeek ? dayOfMonth : "?";
		String quartzDayOfWeek = anyDayOfWeek ? "?" : unixDaysToQuartz(dayOfWeek);
		return String.join(" ", "0", fields[0], fields[1], quartzDayOfMonth, fields[3], quartzDayOfWeek);
	}

	/**
	 * Unix numbers days 0-7 from Sunday (0 and 7 both Sunday); Quartz 1-7 from Sunday.
	 */
	private static String unixDaysToQuartz(String field) {
		List<String> items = new ArrayList<>();
		for (String item : field.split(",")) {
			Matcher matcher = UNIX_DAY_ITEM.matcher(item);
			if (!matcher.matches()) {
				items.add(item.toUpperCase(Locale.ROOT));
				continue;
			}
			String step = (matcher.group(3) != null) ? matcher.group(3) : "";
			if ("*".equals(matcher.group(1))) {
				items.add(((matcher.group(2) != null) ? item : "*" + step));
				continue;
			}
			int from = Integer.parseInt(matcher.group(1));
			if (matcher.group(2) == null) {
				items.add(quartzDay(from) + step);
				continue;
			}
			int to = Integer.parseInt(matcher.group(2));
			if (to < from) {
				throw invalid("has the day range '" + item + "' running backwards");
			}
			items.add((from == 0 && to == 7) ? "*" + step : range(from, to, step));
		}
		return String.join(",", items);
	}

	/**
	 * Quartz reads the numbers 98 and 99 as its own marks for '?' and '*' and lets them
	 * through its range checks, so "99 * * * *" would silently fire every minute: every
	 * number a field gives (steps aside, which Quartz checks) must be in that field's
	 * range.
	 */
	private static void checkBounds(String[] fields, List<String> names, int[][] bounds) {
		for (int i = 0; i < fields.length; i++) {
			for (String item : fields[i].split(",")) {
				String values = item.split("/", 2)[0];
				if (values.toUpperCase(Locale.ROOT).startsWith("L")) {
					continue; // L-3: an offset from the last day, which Quartz checks
				}
				for (String value : values.split("[-#]")) {
					if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && (value.length() > 4
							|| Integer.parseInt(value) < bounds[i][0] || Integer.parseInt(value) > bounds[i][1])) {
						throw invalid("has " + value + " in its " + names.get(i) + " field, which takes " + bounds[i][0]
								+ " to " + bounds[i][1]);
					}
				}
			}
		}
	}

	private static String range(int from, int to, String step) {
		if (to == 7 && from > 0) {
			String weekdays = (from + 1 == 7) ? "7" : (from + 1) + "-7";
			return step.isEmpty() ? weekdays + ",1" : throwStepAcrossSunday();
		}
		return quartzDay(from) + "-" + quartzDay(to) + step;
	}

	private static String throwStepAcrossSunday() {
		throw invalid("has a stepped day range ending on 7 (Sunday); write it as a list of days instead");
	}

	private static int quartzDay(int unixDay) {
		return (unixDay % 7) + 1;
	}

	private static InvalidFieldsException invalid(String message) {
		return InvalidFieldsException.of(FIELD, message);
	}

}
