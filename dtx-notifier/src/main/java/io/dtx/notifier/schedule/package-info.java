/** Retry schedules as data: the providers' presets, custom lists, time scaling and jitter. */
package io.dtx.notifier.schedule;
