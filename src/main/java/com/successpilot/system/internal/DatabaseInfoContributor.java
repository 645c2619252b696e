package com.successpilot.system.internal;

import java.sql.DatabaseMetaData;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info}'s {@code database}: which database product the server runs on
 * (H2 for the embedded default, MySQL or MariaDB). Read once; info is public, so no
 * version or URL is shown.
 */
@Component
class DatabaseInfoContributor implements InfoContributor {

	private final DataSource dataSource;

	private volatile String product;

	DatabaseInfoContributor(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("database", Map.of("product", product()));
	}

	private String product() {
		if (this.product == null) {
			try {
				this.product = JdbcUtils.extractDatabaseMetaData(this.dataSource,
						DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException ex) {
				return "unknown (" + ex.getMessage() + ")";
			}
		}
		return this.product;
	}

}
