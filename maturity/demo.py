"""Demo data for the maturity self-assessment: the default model (restored when
an emptied database is filled again). Assessment rounds follow with the pages."""

from maturity.model_texts import ensure_default_model
from maturity.models import Dimension, Level, Statement


def load(*, scale: int = 1) -> dict[str, int]:
    created = ensure_default_model(Level, Dimension, Statement)
    return {"model created": int(created)}
