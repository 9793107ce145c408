package dev.timekeeper.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signal waits for its transaction's commit, a transaction sends one signal for its
 * earliest time, and a rolled back one sends none.
 */
class CommitSignalsTests {

	private final List<Long> sent = new CopyOnWriteArrayList<>();

	private final CommitSignals signals = new CommitSignals(this.sent::add);

	private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
			new DriverManagerDataSource("jdbc:h2:mem:commit-signals;DB_CLOSE_DELAY=-1", "sa", "")));

	@Test
	void aSignalGoesOutOnceTheTransactionCommitsForItsEarliestTime() {
		this.transaction.executeWithoutResult((status) -> {
			this.signals.afterCommit(5_000);
			this.signals.afterCommit(3_000);
			this.signals.afterCommit(4_000);
			assertThat(this.sent).as("before the commit").isEmpty();
		});
		assertThat(this.sent).containsExactly(3_000L);
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		this.transaction.executeWithoutResult((status) -> {
			this.signals.afterCommit(5_000);
			status.setRollbackOnly();
		});
		assertThat(this.sent).isEmpty();
	}

	@Test
	void eachTransactionSendsItsOwnSignal() {
		this.transaction.executeWithoutResult((status) -> this.signals.afterCommit(1_000));
		this.transaction.executeWithoutResult((status) -> this.signals.afterCommit(2_000));
		assertThat(this.sent).containsExactly(1_000L, 2_000L);
	}

	@Test
	void outsideATransactionNothingIsHeldBackOrSent() {
		this.signals.afterCommit(1_000);
		assertThat(this.sent).isEmpty();
	}

}
