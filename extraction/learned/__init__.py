"""The learned typing layer at inference (numpy only): a linear model over text and rules-evidence grams.

Trained by `eventpipe train` (the `training` package, scikit-learn); read here from plain arrays
and a JSON sidecar. See extraction.learned.model for the file format.
"""

from extraction.learned.features import Evidence, FeatureSpec
from extraction.learned.model import LearnedModel, ModelError, default_model_dir

__all__ = ["Evidence", "FeatureSpec", "LearnedModel", "ModelError", "default_model_dir"]
