package dev.timekeeper.jobs;

/** A day of the week as daily schedules and cron name it. */
public enum Weekday {

	MON, TUE, WED, THU, FRI, SAT, SUN

}
