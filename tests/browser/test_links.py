"""Links: a TensorFlow Playground URL opens the same setup; the hash always holds the setup."""

from urllib.parse import unquote

import pytest

PLAYGROUND_LINK = (
    "#activation=relu&batchSize=25&dataset=xor&regDataset=reg-plane&learningRate=0.1"
    "&regularizationRate=0.003&noise=15&networkShape=5,3&seed=0.71372&showTestData=true"
    "&discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=false"
    "&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false"
    "&problem=classification&initZero=false&hideText=false&regularization=L1&noise_hide=true"
)

READ = """async (hash) => (await import("/static/lib/urlState.js")).readHash(hash)"""


def hash_settings(page):
    """The settings the page wrote into its URL after the session answered."""
    pairs = [p.split("=", 1) for p in page.evaluate("location.hash").lstrip("#").split("&")]
    return {k: unquote(v) for k, v in pairs}


def test_a_playground_link_translates_through_the_one_table(page, dev_server):
    page.goto(dev_server + "/health")
    link = page.evaluate(READ, PLAYGROUND_LINK)
    assert link["kind"] == "playground"
    s = link["settings"]
    assert s["dataset"] == "xor" and s["problem"] == "classification"
    assert s["hidden_layers"] == [5, 3] and s["activations"] == ["relu", "relu"]
    assert s["learning_rate"] == pytest.approx(0.05)  # (y-t)²/2 there, (y-t)² here
    assert s["regularization"] == "l1_pin" and s["regularization_rate"] == pytest.approx(0.006)
    assert s["features"] == ["x1", "x1*x2", "sin(x1)"]
    assert (s["output_activation"], s["loss"], s["init"]) == ("tanh", "mse", "uniform")
    assert s["batch_size"] == 25 and s["train_percent"] == 70 and s["noise"] == 15
    assert s["show_test"] is True and s["discretize"] is True
    assert isinstance(s["seed"], int)
    assert link["hidden"] == ["noise"] and link["hideText"] is False


def test_a_playground_regression_link_picks_its_regression_dataset_and_a_linear_output(
    page, dev_server
):
    page.goto(dev_server + "/health")
    s = page.evaluate(READ, "#problem=regression&regDataset=reg-gauss&dataset=circle")["settings"]
    assert s["dataset"] == "multi_gauss" and s["output_activation"] == "linear"


def test_a_playground_link_opens_the_same_setup_in_the_session(playground):
    page = playground("/" + PLAYGROUND_LINK)
    page.wait_for_function("location.hash.startsWith('#gn=1')")
    s = hash_settings(page)
    assert s["dataset"] == "xor" and s["hidden_layers"] == "5,3"
    assert s["activations"] == "relu,relu" and float(s["learning_rate"]) == 0.05
    assert s["features"] == "x1,x1*x2,sin(x1)" and s["regularization"] == "l1_pin"
    assert s["output_activation"] == "tanh" and s["train_percent"] == "70"
    assert s["noise_hide"] == "true"


def test_a_glassnet_link_round_trips_through_the_session(playground):
    page = playground("/#gn=1&dataset=spiral&hidden_layers=6,6,6&learning_rate=0.01&optimizer=adam")
    page.wait_for_function("location.hash.includes('optimizer=adam')")
    s = hash_settings(page)
    assert s["dataset"] == "spiral" and s["hidden_layers"] == "6,6,6"
    assert s["activations"] == "tanh,tanh,tanh" and s["learning_rate"] == "0.01"
