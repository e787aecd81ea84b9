/**
 * Each payment's journey as one service saw it (half message stored, committed, delivered,
 * credited, refused as a duplicate, ...), kept in memory and served on {@code GET /journeys} to
 * the learners' console, which lays the services' steps side by side on one timeline.
 */
package io.dtx.web.journey;
