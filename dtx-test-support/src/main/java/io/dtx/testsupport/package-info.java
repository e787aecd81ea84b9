/**
 * What integration tests are handed: a broker and the databases, from containers where Docker
 * runs and from the sandbox elsewhere ({@code @WithInfrastructure}).
 */
package io.dtx.testsupport;
