package com.successpilot.metrics;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * The transactions of steps whose partitions write side by side. READ COMMITTED: under
 * MySQL's default REPEATABLE READ, InnoDB locks the gaps next to each partition's range
 * of accounts and share-locks the rows an INSERT … SELECT reads, so neighbouring
 * partitions deadlock; at READ COMMITTED they only lock the rows they write.
 */
public final class PartitionTransactions {

	private PartitionTransactions() {
	}

	public static TransactionAttribute readCommitted() {
		DefaultTransactionAttribute attribute = new DefaultTransactionAttribute();
		attribute.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return attribute;
	}

}
