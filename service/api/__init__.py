"""The review service's HTTP face: FastAPI app factory, dependencies, one router per resource."""
