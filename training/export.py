"""Write a trained model as plain arrays plus a JSON sidecar, byte-identical for the same input.

`np.savez_compressed` stamps each zip member with the current time, so the archive is written
here member by member with a fixed date: the same training data and settings give the same
bytes. Arrays are `.npy` without pickled objects (the vocabulary is UTF-8 bytes joined by
newlines), so `np.load(..., allow_pickle=False)` reads them.
"""

from __future__ import annotations

import io
import json
import platform
import zipfile
from pathlib import Path

import numpy as np

from extraction.learned.features import FeatureSpec
from extraction.learned.model import ARRAYS_FILE, FORMAT, SIDECAR_FILE
from training.trainer import LinearModel

__all__ = ["library_versions", "write_model"]

_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_STORED = frozenset({"weights"})


def write_model(
    directory: Path,
    model: LinearModel,
    vocabulary: list[str],
    spec: FeatureSpec,
    meta: dict,
) -> Path:
    """Write `model.npz` and `model.json` into `directory` (created if needed)."""
    if any("\n" in name for name in vocabulary):
        raise ValueError("a feature name holds a newline: the vocabulary could not be read back")
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {
        "bias": model.bias.astype(np.float32),
        "vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
        "weights": model.weights.astype(np.float16),
    }
    _write_npz(directory / ARRAYS_FILE, arrays)
    sidecar = {
        "format": FORMAT,
        "classes": list(model.classes),
        "features": spec.as_dict(),
        "n_features": len(vocabulary),
        **meta,
    }
    text = json.dumps(sidecar, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (directory / SIDECAR_FILE).write_text(text, encoding="utf-8")
    return directory


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_FIXED_DATE)
            # The weights are stored, not deflated: inflating them was most of the model's load time.
            info.compress_type = zipfile.ZIP_STORED if name in _STORED else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.getvalue(), compresslevel=None if name in _STORED else 9)
    path.write_bytes(buffer.getvalue())


def library_versions() -> dict[str, str]:
    """The versions that trained the model (recorded, not required at inference)."""
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
    }
