package io.dtx.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real broker and database: declare a parameter of type
 * {@link Infrastructure} on a test, lifecycle method or constructor.
 *
 * <pre>{@code
 * @WithInfrastructure
 * class CheckBackIntegrationTests {
 *     @Test
 *     void settlesUnknownAsCommit(Infrastructure infra) { ... infra.namesrvAddr() ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(InfrastructureExtension.class)
public @interface WithInfrastructure {}
