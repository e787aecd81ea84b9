/**
 * What stands in front of both services' APIs: the filters (service token, body limit, no path
 * parameters) and one way of answering every error as an RFC 9457 problem.
 */
package io.dtx.web;
