"""The bridge: ways in and out of glassnet for the people who make things.

- ``ml5_files.py``: ml5.js model files, read and written exactly
- ``ml5.py``: ml5.js models as glassnet networks and back (``from_ml5``, ``to_ml5``)

Pure functions of engine and data objects: no sessions, no web.
"""

from .ml5 import Ml5Model, from_ml5, ml5_files, open_ml5, to_ml5
from .ml5_files import Ml5Error

__all__ = ["Ml5Error", "Ml5Model", "from_ml5", "ml5_files", "open_ml5", "to_ml5"]
