/**
 * Local infrastructure with nothing installed: a real RocketMQ name server and broker and an
 * embedded MariaDB loaded from {@code sql/}, with one least-privilege user per service.
 */
package io.dtx.sandbox;
