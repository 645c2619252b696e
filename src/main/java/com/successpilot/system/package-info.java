/**
 * The running system: the command line ({@link com.successpilot.system.Command}s such as
 * {@code demo}, {@code run}, {@code validate}) and application-wide settings.
 * <p>
 * Every feature contributes its commands as beans; the command line dispatcher finds them
 * by name, so {@code successpilot <command> --option=value} works the same whether
 * started by {@code ./mvnw spring-boot:run} or {@code java -jar}.
 * <p>
 * Also what every feature shares for operations: carrying the log context to worker
 * threads ({@link com.successpilot.system.LogContextPropagation}), the database product
 * in {@code /actuator/info}, and the one {@link java.time.Clock} every feature reads the
 * time from ({@code ClockConfiguration}).
 */
package com.successpilot.system;
