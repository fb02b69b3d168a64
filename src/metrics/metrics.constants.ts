/** Injection tokens */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Logger name of the metrics' own lines. */
export const METRICS_LOGGER_NAME = 'server.metrics';

/** Send durations, in seconds: from a fast relay on the same network to the 30 s socket timeout. */
export const SEND_DURATION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const MetricsLogMessage = {
  cannotReadOutbox: 'Cannot read the email outbox for /metrics; its gauges keep their last values',
} as const;
