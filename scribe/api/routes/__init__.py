"""The API's routes, one APIRouter per resource; scribe.api.app includes them all."""
