"""How the notebook trains: slices on a background thread, and epochs in the cell."""

import threading

from glassnet.notebook_training import PlayThread, train_in_cell
from glassnet.session import Session


def test_a_play_thread_trains_slices_while_playing_then_sleeps_and_ends_when_stopped():
    slices, third = [], threading.Event()
    playing = threading.Event()
    playing.set()

    def train_slice():
        slices.append(len(slices))
        if len(slices) == 3:
            playing.clear()  # as when training pauses
            third.set()
        return 0.0

    thread = PlayThread(playing.is_set, train_slice)
    thread.wake()
    assert third.wait(timeout=10)
    thread.stop()
    assert not thread.thread.is_alive() and slices == [0, 1, 2]


def test_training_in_the_cell_trains_so_many_epochs_greeting_first_and_pushing_frames():
    session = Session()
    greeted, pushed = [], []
    stopped = train_in_cell(
        session, 5, threading.Lock(), lambda: pushed.append(session.epoch),
        lambda: greeted.append(session.epoch),
    )  # fmt: skip
    assert not stopped and session.epoch == 5
    assert greeted[0] == 0 and pushed[0] == 1  # the state before training, a frame after an epoch


def test_training_in_the_cell_stops_early_for_an_alert_that_pauses():
    session = Session({"dataset": "custom"})  # an empty drawing: nothing to train on
    stopped = train_in_cell(session, 50, threading.Lock(), lambda: None, lambda: None)
    assert not stopped and session.alert is not None and session.alert.pauses
    assert session.epoch < 50
