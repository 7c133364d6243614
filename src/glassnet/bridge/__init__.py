"""The bridge: ways in and out of glassnet for the people who make things.

- ``ml5_files.py``: ml5.js model files, read and written exactly
- ``ml5.py``: an ml5.js model as a glassnet network (``from_ml5``)
- ``ml5_export.py``: a glassnet network as an ml5.js model (``to_ml5``)
- ``numpy_script.py`` (with ``numpy_templates.py``): a standalone NumPy training script
- ``weights.py``: weights as JSON and CSV
- ``sketch.py``: a p5.js sketch that runs the network with ml5.js

Pure functions of engine and data objects: no sessions, no web.
"""

from .ml5 import Ml5Model, from_ml5, open_ml5
from .ml5_export import ml5_files, to_ml5
from .ml5_files import Ml5Error

__all__ = ["Ml5Error", "Ml5Model", "from_ml5", "ml5_files", "open_ml5", "to_ml5"]
