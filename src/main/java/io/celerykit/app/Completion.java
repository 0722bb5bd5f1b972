package io.celerykit.app;

import io.celerykit.result.TaskState;

/**
 * How a task run ended, handed to completion hooks (links, chains, chords).
 *
 * @param taskId the task id
 * @param state SUCCESS, FAILURE or REVOKED
 * @param value the return value or the exception
 */
record Completion(String taskId, TaskState state, Object value) {}
