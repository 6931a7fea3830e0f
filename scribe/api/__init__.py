"""The service's HTTP face: FastAPI app (REST + websocket + SSE), auth, protocol, reference client."""
