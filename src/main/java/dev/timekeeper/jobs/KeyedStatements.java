package dev.timekeeper.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the batch statements of {@link FiringStatements} and {@link CompletionStatements}
 * share: reading the rows of many keys in one query, and reading a JDBC batch's update
 * counts.
 */
final class KeyedStatements {

	private KeyedStatements() {
	}

	/**
	 * How a query joins its list of keys to the table: one index lookup per key, not a
	 * scan of the table, on each database.
	 */
	enum KeyJoin {

		/**
		 * {@code (VALUES ...) AS K (N, G) JOIN table T ON ...}: H2 looks each key up in
		 * the primary key. (It answers {@code (SCHED_NAME, X_NAME, X_GROUP) IN (...)}
		 * from the primary key only when no other index starts with {@code SCHED_NAME},
		 * and otherwise scans the table.)
		 */
		PLAIN,

		/**
		 * {@code (VALUES ...) AS K (N, G) CROSS JOIN LATERAL (SELECT ... WHERE T.X_NAME =
		 * K.N ... OFFSET 0) R}: PostgreSQL estimates the plain join at one row and, from
		 * about 20 keys on a table of a few thousand rows, hashes the keys and scans the
		 * whole table (and every joined one) instead; a lateral subquery it may not
		 * flatten (the {@code OFFSET 0}) is one index lookup per key whatever the
		 * estimate.
		 */
		LATERAL

	}

	/**
	 * Runs a query for the rows of the keys, joined as {@code join} says. The statement's
	 * text depends only on how many keys it takes, rounded up to a power of two (the last
	 * key repeated, so its rows come more than once), so that the database and the driver
	 * parse a few texts once.
	 * @param columns the columns, of table {@code T}
	 * @param table the table, without Quartz's prefix
	 * @param prefix the key columns' prefix: {@code TRIGGER} or {@code JOB}
	 */
	static <K> void select(Connection conn, UnaryOperator<String> rtp, KeyJoin join, String columns, String table,
			String prefix, Collection<K> keys, Function<K, String> name, Function<K, String> group, RowHandler handler)
			throws SQLException {
		select(conn, rtp, join, columns, table, prefix, "", keys, name, group, handler);
	}

	/**
	 * As
	 * {@link #select(Connection, UnaryOperator, KeyJoin, String, String, String, Collection, Function, Function, RowHandler)},
	 * with more tables joined to {@code T}.
	 * @param joins the joins, after the key table's
	 */
	static <K> void select(Connection conn, UnaryOperator<String> rtp, KeyJoin join, String columns, String table,
			String prefix, String joins, Collection<K> keys, Function<K, String> name, Function<K, String> group,
			RowHandler handler) throws SQLException {
		List<K> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
		if (distinct.isEmpty()) {
			return;
		}
		int slots = Math.max(4, Integer.highestOneBit(distinct.size() - 1) << 1);
		String values = "(VALUES (?, ?)" + ", (?, ?)".repeat(slots - 1) + ") AS K (N, G)";
		String match = "T.SCHED_NAME = {1} AND T." + prefix + "_NAME = K.N AND T." + prefix + "_GROUP = K.G";
		String text = rtp.apply(switch (join) {
			case PLAIN ->
				"SELECT " + columns + " FROM " + values + " JOIN {0}" + table + " T ON " + match + " " + joins;
			case LATERAL -> "SELECT R.* FROM " + values + " CROSS JOIN LATERAL (SELECT " + columns + " FROM {0}" + table
					+ " T " + joins + " WHERE " + match + " OFFSET 0) R";
		});
		try (PreparedStatement statement = conn.prepareStatement(text)) {
			for (int i = 0; i < slots; i++) {
				K key = distinct.get(Math.min(i, distinct.size() - 1));
				statement.setString(2 * i + 1, name.apply(key));
				statement.setString(2 * i + 2, group.apply(key));
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					handler.handle(rows);
				}
			}
		}
	}

	/** A batch's update counts as "updated a row", whatever the driver reports. */
	static boolean[] updated(int[] counts, int statements) {
		boolean[] updated = new boolean[statements];
		for (int i = 0; i < statements; i++) {
			// a driver that cannot tell executed every statement (SUCCESS_NO_INFO)
			updated[i] = counts[i] > 0 || counts[i] == PreparedStatement.SUCCESS_NO_INFO;
		}
		return updated;
	}

	/** Takes one row of a result. */
	@FunctionalInterface
	interface RowHandler {

		void handle(ResultSet rows) throws SQLException;

	}

	/**
	 * Runs one statement for each item, in one JDBC batch; nothing for no items.
	 * @param sql the statement, before Quartz's table-prefix replacement
	 * @param items the items
	 * @param binder sets an item's parameters
	 */
	static <T> void batch(Connection conn, UnaryOperator<String> rtp, String sql, List<T> items, Binder<T> binder)
			throws SQLException {
		if (items.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = conn.prepareStatement(rtp.apply(sql))) {
			for (T item : items) {
				binder.bind(statement, item);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/** Sets one item's parameters of a batch statement. */
	@FunctionalInterface
	interface Binder<T> {

		void bind(PreparedStatement statement, T item) throws SQLException;

	}

}
