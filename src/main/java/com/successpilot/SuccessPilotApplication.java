package com.successpilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SuccessPilotApplication {

	public static void main(String[] args) {
		SpringApplication.run(SuccessPilotApplication.class, args);
	}

}
