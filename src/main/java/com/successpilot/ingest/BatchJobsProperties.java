package com.successpilot.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job definitions operators edit live.
 *
 * @param dir the folder holding nightly-job.yml and the other job files (feeds,
 * schedules, inbox, archive; batch-jobs/README.md), relative to the working directory
 */
@ConfigurationProperties("successpilot.batch-jobs")
public record BatchJobsProperties(@DefaultValue("batch-jobs") String dir) {

}
