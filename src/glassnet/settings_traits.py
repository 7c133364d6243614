"""The settings as synced traits, generated from the table of settings.

``SettingTraits`` has one trait per entry of ``SETTINGS``, named as the setting,
holding its JSON value (lists for lists) and its help sentence. The notebook
widget (``widget.py``) mixes it in, so ``pg.learning_rate`` is a setting and a
view's slider is the same value. The traits accept anything: the session checks
every value, so a bad one gets the session's own sentence, as on the page.

This module knows the settings table and traitlets; nothing about sessions in use.
"""

from __future__ import annotations

import traitlets

from .session import SETTINGS, Setting


def _trait(setting: Setting) -> traitlets.TraitType:
    default = list(setting.default) if isinstance(setting.default, tuple) else setting.default
    return traitlets.Any(default, help=setting.help).tag(sync=True)


SettingTraits = type(
    "SettingTraits",
    (traitlets.HasTraits,),
    {
        "__doc__": "One synced trait per setting (docs/protocol.md, Settings).",
        "__module__": __name__,
        **{name: _trait(setting) for name, setting in SETTINGS.items()},
    },
)
