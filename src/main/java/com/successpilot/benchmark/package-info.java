/**
 * The {@code benchmark} command: generates a portfolio of N accounts (or reuses the one
 * in the database), puts it in through the import job or a bulk load
 * ({@code LOAD DATA LOCAL INFILE}, what each feed becomes derived from the same feed
 * definitions the import uses), runs the nightly steps as a first night and prints per
 * step time, rate, CPU, JIT and heap against the targets. A tool for measuring; the
 * nightly path never calls it.
 * <p>
 * Owns no table (it writes the portfolio's tables through the import's mapping).
 */
package com.successpilot.benchmark;
