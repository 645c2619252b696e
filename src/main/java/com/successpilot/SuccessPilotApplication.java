package com.successpilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SuccessPilot: customer success automation. {@code main} runs one command (see
 * {@code help}) and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SuccessPilotApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(SuccessPilotApplication.class, args)));
	}

}
