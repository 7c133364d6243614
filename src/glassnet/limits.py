"""Every size limit glassnet enforces, in one place.

The engine, the data loaders, the session and the protocol all read their limits
from here, and ``docs/limits.md`` lists each one (a test checks that every name
below is documented). This module imports nothing, so any layer may use it.
"""

# The network.
MAX_HIDDEN_LAYERS = 10
"""How many hidden layers a network may have (0 is allowed: a linear model)."""

MIN_NEURONS = 1
MAX_NEURONS = 32
"""How many neurons a hidden layer may have."""

MAX_INPUTS = 64
"""How many input features a network may take."""

MAX_OUTPUTS = 16
"""How many output neurons a network may have (so at most 16 classes)."""

MAX_CHAIN_PATHS = 512
"""How many chain-rule paths are listed one by one before the explanation falls
back to one hop at a time (the sum is the same; only the listing changes)."""

# The data.
MAX_POINTS = 5000
"""How many data points a dataset may hold (generated, drawn or loaded)."""

MAX_FILE_BYTES = 5_000_000
"""The largest CSV or JSON file the loaders read, in bytes."""

MAX_NAME_CHARS = 200
"""How many characters a file's name may have (it names the dataset)."""

MAX_CLASSES = MAX_OUTPUTS
"""How many distinct labels a classification dataset may have."""

# The session.
MAX_HISTORY = 10_000
"""How many epochs the loss history keeps; past it, it keeps every other one."""

MAX_RECORDING_BYTES = 2_000_000
"""How many bytes of weights a session's recording keeps for replaying its run
(more keyframes for a small network, fewer for a big one; at least 16)."""

MAX_PUBLISHED_STEPS = 20
"""How many explained training steps one published page may carry (each holds every
number of a step)."""

MAX_UNDO = 30
"""How many steps back undo can go."""

MAX_EXPLAIN_WORK = 20_000_000
"""The most work one explained epoch may take: training points × weights and biases
(multiply-adds). A larger one is refused before it starts."""

MAX_WEIGHT = 1000
"""The largest size of a weight or bias a person may type in."""

LARGE_WEIGHT = 1000
"""A weight larger than this while training gets a warning that the learning rate is too high."""

# Lessons.
MAX_LESSON_BYTES = 100_000
"""The largest lesson file read, in bytes (a lesson is a few pages of text)."""

MAX_LESSON_STEPS = 30
"""How many steps one lesson may have."""

MAX_SCENE_POINTS = 200
"""How many points one step's scene may draw."""

MAX_LESSONS = 200
"""How many lesson files one folder of lessons (``glassnet --lessons DIR``) may list."""

# The server.
MAX_MESSAGE_BYTES = 6_000_000
"""The largest message a view may send (a data file, as text, is the largest)."""

MAX_SESSIONS = 32
"""How many browser tabs (sessions) one server runs at once."""

MAX_SESSIONS_PER_CLIENT = 16
"""How many of them one computer (one address) may hold, so one cannot take them all."""

MAX_FOLLOWERS = 40
"""How many screens may follow one shared session (docs/screens.md): a classroom."""

IDLE_SECONDS = 60
"""How long a session whose view went away is kept for that view to come back."""

MAX_MESSAGES_PER_SECOND = 200
"""How many messages a second one view may send; past it, the server reads them no faster."""

MAX_MIDI_MAPPINGS = 64
"""How many MIDI mappings (knob or pad -> control) a session keeps (docs/screens.md)."""

MAX_IN_FLIGHT = 32
"""How many of a view's messages may wait for their answers; past it, the server reads no more."""

MAX_REQUEST_SECONDS = 2
"""How many seconds of computing one request may take before it is stopped."""

SLICE_SECONDS = 0.004
"""The longest turn a session takes before the other sessions of its worker get theirs.

A session's view gets a frame only in the session's own turn, so with 15 sessions in a
worker (30 on two cores) each gets a turn, and a frame, at least every 15 x 4 ms = 60 ms."""
