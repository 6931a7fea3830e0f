"""Background tasks: a registry of named tasks (registry.py), submitted to Celery over Redis when
SCRIBE_REDIS_URL is set and to the embedded in-process executor otherwise (dispatch.py); the Celery app
is built from the registry (celery_app.py). Queues: asr (live windows, finalize), documents
(documentation engine), assistant (the live question assistant's context), delivery (webhooks).
Nothing here imports a task body: task modules register themselves, and are loaded by name
(registry.TASK_MODULES) when a process needs them."""
