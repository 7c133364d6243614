"""Playing: epochs due at the speed are trained while playing, and an alert that pauses stops it."""

from glassnet.session import Settings
from glassnet.session.player import Player
from glassnet.session.points import Points
from glassnet.session.training import Training
from glassnet.session.workspace import Workspace, empty_dataset, generated_points


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def parts(points=None):
    settings = Settings()
    workspace = Workspace.build(settings, points or generated_points(settings))
    return Training(settings, workspace), workspace


def test_nothing_trains_until_play_and_then_the_epochs_due_at_the_speed():
    clock, (training, workspace) = Clock(), parts()
    player = Player(clock)
    assert player.advance(training, workspace, 10, 1.0) == 0 and training.epoch == 0
    player.play(training)
    assert player.advance(training, workspace, 10, 1.0) == 1  # the first is due at once
    clock.now = 0.35
    assert player.advance(training, workspace, 10, 1.0) == 3 and training.epoch == 4
    assert player.seconds_until_due(10) > 0
    player.playing = False
    assert player.seconds_until_due(10) == 0.0


def test_a_step_stops_playing_and_trains_one_epoch():
    training, workspace = parts()
    player = Player(Clock())
    player.play(training)
    player.step(training, workspace)
    assert not player.playing and training.epoch == 1


def test_an_alert_that_pauses_stops_playing():
    nothing = Points.of(empty_dataset("classification", 2), "drawn")  # nothing to train on
    training, workspace = parts(nothing)
    player = Player(Clock())
    player.play(training)
    assert player.advance(training, workspace, "max", 1.0) == 0
    assert training.alert is not None and training.alert.pauses and not player.playing
