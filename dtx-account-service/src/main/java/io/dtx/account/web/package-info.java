/**
 * The account service's HTTP edge: which endpoints are internal, and how its failures read as
 * problems. The filters and the problem handling themselves are shared, in {@code dtx-web}.
 */
package io.dtx.account.web;
