"""Reading a lesson file: a good one is read whole; each kind of mistake is refused by line."""

import pytest

from glassnet import limits
from glassnet.lessons import LessonError, LessonRunner, parse_lesson
from glassnet.lessons.format import lesson_name
from glassnet.lessons.lines import KeyLines
from glassnet.session import Session

GOOD = """\
+++
title = "A small lesson"
summary = "Two steps."

[[steps]]
title = "First"
[steps.scene]
settings = { dataset = "xor", hidden_layers = [2] }
hide = ["noise"]
highlight = [0, 1]

[[steps]]
title = "Second"
[steps.scene]
weights = [[0, 0, 1, 0.5]]
biases = [[0, 1, -0.25]]
show = ["noise"]
highlight = "learningRate"
[steps.task]
kind = "accuracy"
percent = 80
+++

## First

A [[weight]] and a [[delta|neuron's delta]].

## Second

Press **Play**.
"""


def refused(text, filename="mine.md"):
    """The error a lesson file gets, after checking that it is refused when opened."""
    with pytest.raises(LessonError) as caught:
        LessonRunner(parse_lesson(text, filename), Session())
    return caught.value


def line_of(text, fragment, nth=1):
    """The line (from 1) on which ``fragment`` appears for the ``nth`` time."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    return lines[nth - 1]


def test_a_good_lesson_is_read_with_its_steps_scenes_tasks_and_text():
    lesson = parse_lesson(GOOD, "07-small.md")
    assert (lesson.name, lesson.title, lesson.summary) == ("small", "A small lesson", "Two steps.")
    first, second = lesson.steps
    assert first.scene.settings == {"dataset": "xor", "hidden_layers": (2,)}
    assert first.scene.hide == ("noise",) and first.scene.highlight.unit == 1
    assert second.scene.weights == ((0, 0, 1, 0.5),) and second.scene.biases == ((0, 1, -0.25),)
    assert second.scene.highlight.control == "learningRate"
    assert second.task.kind == "accuracy" and second.task.numbers == {"percent": 80, "on": "test"}
    assert second.task.sentence == "Reach 80% test accuracy."
    assert first.task is None and first.markdown.startswith("A [[weight]]")
    assert second.html == "<p>Press <strong>Play</strong>.</p>"
    assert lesson.terms == ("weight", "delta")
    assert (first.line, second.line) == (line_of(GOOD, "[[steps]]"), line_of(GOOD, "[[steps]]", 2))


def test_a_lesson_is_named_after_its_file_without_a_leading_number():
    assert lesson_name("03-loss.md") == "loss"
    assert lesson_name("lessons/my_lesson.md") == "my_lesson"
    assert lesson_name("10_your-own-data.md") == "your-own-data"
    assert lesson_name("2024.md") == "2024"


def test_a_lesson_as_bytes_with_a_byte_order_mark_is_read_too():
    lesson = parse_lesson(("\ufeff" + GOOD).encode(), "small.md")
    assert lesson.title == "A small lesson"


MISTAKES = [
    # (what is wrong, change to GOOD, the fragment on the line named, words of the message)
    (
        "a TOML syntax error",
        ('summary = "Two steps."', 'summary = "Two steps'),
        'summary = "Two steps',
        "not valid TOML",
    ),
    (
        "an unknown setting",
        ("hidden_layers = [2] }", "hiden_layers = [2] }"),
        "hiden_layers",
        "Unknown setting 'hiden_layers'; the settings are: dataset, problem",
    ),
    (
        "a setting's value out of range",
        ('dataset = "xor", hidden_layers = [2]', 'dataset = "xor", learning_rate = 20'),
        "learning_rate = 20",
        "learning_rate must be a number above 0 and at most 10; got 20",
    ),
    (
        "a setting's value not among its choices",
        ('dataset = "xor"', 'dataset = "xo"'),
        'dataset = "xo"',
        "dataset cannot be 'xo'; allowed: circle, xor",
    ),
    (
        "an unknown control to hide",
        ('hide = ["noise"]', 'hide = ["nosie"]'),
        "hide = ",
        "Unknown control 'nosie'; the controls are: playButton",
    ),
    (
        "an unknown control to highlight",
        ('highlight = "learningRate"', 'highlight = "learnRate"'),
        "learnRate",
        "Unknown control 'learnRate'",
    ),
    (
        "a highlight that is neither a control, a neuron nor a weight",
        ("highlight = [0, 1]", "highlight = [0, -1]"),
        "highlight = [0, -1]",
        "highlight must be a control's name, a neuron [layer, unit] or a weight",
    ),
    (
        "an unknown task kind",
        ('kind = "accuracy"', 'kind = "acuracy"'),
        'kind = "acuracy"',
        "A task's kind must be one of accuracy, loss_below, loss_rises",
    ),
    (
        "a task number out of range",
        ("percent = 80", "percent = 180"),
        "percent = 180",
        "percent must be a whole number from 1 to 100; got 180",
    ),
    (
        "a task field the kind does not have",
        ("percent = 80", "percent = 80\nepochs = 3"),
        "epochs = 3",
        "A accuracy task has no field 'epochs'; it takes percent, on",
    ),
    (
        "a task without a field it needs",
        ("percent = 80", ""),
        "[steps.task]",
        "A accuracy task needs percent",
    ),
    (
        "a step without text",
        ("## Second\n\nPress **Play**.\n", ""),
        'title = "Second"',
        "step 2 ('Second') has no text: add a section '## Second'",
    ),
    (
        "a section no step has",
        ("Press **Play**.", "Press **Play**.\n\n## Third\n\nMore."),
        "## Third",
        "the section '## Third' matches no step's title; the steps are: 'First', 'Second'",
    ),
    (
        "text before the first section",
        ("+++\n\n## First", "+++\nHello.\n\n## First"),
        "Hello.",
        "text before the first '## ' heading belongs to no step",
    ),
    (
        "a glossary word the glossary does not have",
        ("A [[weight]]", "A [[wieght]]"),
        "A [[wieght]]",
        "[[wieght]] links a word the glossary does not have; the words are: weight, bias",
    ),
    (
        "an unknown key of a step",
        ('title = "Second"', 'title = "Second"\ntext = "x"'),
        'text = "x"',
        "Step 2 has no key 'text'; allowed: title, scene, task",
    ),
    (
        "an unknown key of a scene",
        ("biases = [[0, 1, -0.25]]", "bias = [[0, 1, -0.25]]"),
        "bias = ",
        "A scene has no key 'bias'; allowed: network, settings, points, reset, weights",
    ),
    (
        "a weight that is not [layer, source, target, value]",
        ("weights = [[0, 0, 1, 0.5]]", "weights = [[0, 0, 0.5]]"),
        "weights = ",
        "each of weights must be [layer, source, target, value]",
    ),
    (
        "a point outside the map",
        ("show = [", "points = [[0, 9, 1]]\nshow = ["),
        "points = ",
        "point 1 must be [x1, x2, class] (or [x1, x2, value]) with x1 and x2 from -6 to 6",
    ),
    (
        "points together with a dataset",
        ('hide = ["noise"]', 'hide = ["noise"]\npoints = []'),
        'settings = { dataset = "xor"',
        "a scene that draws points cannot also pick a dataset",
    ),
    (
        "a control both shown and hidden",
        ('show = ["noise"]', 'show = ["noise"]\nhide = [ "noise" ]'),
        'hide = [ "noise" ]',
        "a scene cannot both show and hide 'noise'",
    ),
    (
        "a lesson without a title",
        ('title = "A small lesson"\n', ""),
        'summary = "Two steps."',
        "title must be text (and not empty)",
    ),
    (
        "an unknown key of the lesson",
        ('summary = "Two steps."', 'summary = "Two steps."\nauthor = "me"'),
        'author = "me"',
        "A lesson has no key 'author'; allowed: title, summary, steps",
    ),
    # Found when the lesson is set up on a fresh playground:
    (
        "a weight of a layer the network does not have",
        ("weights = [[0, 0, 1, 0.5]]", "weights = [[2, 0, 1, 0.5]]"),
        "weights = ",
        "step 2's scene cannot be set up: layer must be a whole number from 0 to 1; got 2",
    ),
    (
        "a highlighted neuron the network does not have",
        ("highlight = [0, 1]", "highlight = [0, 5]"),
        "highlight = [0, 5]",
        "highlight's unit is 5, but layer 0 has 2 neurons there (0 to 1)",
    ),
    (
        "settings that do not go together",
        ("hidden_layers = [2] }", 'hidden_layers = [2], activations = ["relu", "relu"] }'),
        "settings = ",
        "activations must name one activation per hidden layer (1); got 2",
    ),
]


@pytest.mark.parametrize(
    "change, fragment, words", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_lesson_with_a_mistake_is_refused_naming_the_file_and_the_line(change, fragment, words):
    text = GOOD.replace(*change)
    assert text != GOOD
    error = refused(text)
    assert error.filename == "mine.md"
    assert error.line == line_of(text, fragment), str(error)
    assert str(error).startswith(f"mine.md, line {error.line}: ")
    assert words in str(error)


def test_a_lesson_without_front_matter_is_refused_at_its_first_line():
    error = refused("# My lesson\n\n## First\n\nText.\n")
    assert error.line == 1 and "a lesson starts with a line of +++" in str(error)


def test_front_matter_that_never_ends_is_refused():
    error = refused('+++\ntitle = "x"\n')
    assert "the front matter has no closing line of +++" in str(error)


def test_a_neuron_line_task_for_a_neuron_the_network_lacks_is_refused_at_its_task():
    text = GOOD.replace('kind = "accuracy"\npercent = 80', 'kind = "neuron_line"\nunit = 4\n'
                        'direction = "vertical"')  # fmt: skip
    error = refused(text)
    assert error.line == line_of(text, "[steps.task]")
    assert "the first layer has 2 (units 0 to 1)" in str(error)


def test_a_lesson_too_big_or_too_long_is_refused():
    big = GOOD + "x" * limits.MAX_LESSON_BYTES
    assert f"at most {limits.MAX_LESSON_BYTES:,} bytes" in str(refused(big))
    steps = "".join(f'\n[[steps]]\ntitle = "S{i}"\n' for i in range(limits.MAX_LESSON_STEPS + 1))
    body = "".join(f"## S{i}\n\nText.\n\n" for i in range(limits.MAX_LESSON_STEPS + 1))
    error = refused(f'+++\ntitle = "Long"\n{steps}+++\n\n{body}')
    assert f"at most {limits.MAX_LESSON_STEPS} steps" in str(error)


def test_a_file_that_is_not_utf8_is_refused():
    assert "must be UTF-8 text" in str(refused(b"+++\n\xff\xfe\n+++\n"))


def test_key_lines_follow_arrays_of_tables_dotted_keys_and_inline_tables():
    text = (
        'title = "t"\n'  # 3
        "[[steps]]\n"  # 4
        "scene.show = []\n"  # 5
        "[[steps]]\n"  # 6
        "[steps.scene]\n"  # 7
        "settings = { noise = 3, seed = 2 }\n"  # 8
        "[steps.task]\n"  # 9
        "kind = 'epochs'\n"  # 10
    )
    lines = KeyLines(text, 3)
    assert lines.line_of(("title",)) == 3
    assert lines.line_of(("steps", 0, "scene", "show")) == 5
    assert lines.line_of(("steps", 1)) == 6
    assert lines.line_of(("steps", 1, "scene", "settings", "seed")) == 8
    assert lines.line_of(("steps", 1, "task", "kind")) == 10
    assert lines.line_of(("steps", 1, "task", "at_least")) == 9  # not there: its table
    assert lines.line_of(("nothing",)) == 3


def test_a_lesson_sent_as_text_cannot_name_a_saved_network_and_is_told_where_it_can():
    text = GOOD.replace("highlight = [0, 1]", 'highlight = [0, 1]\nnetwork = "start.json"')
    error = refused(text)
    assert error.line == line_of(text, "network = ")
    assert "works only for a lesson in a folder (glassnet --lessons DIR" in str(error)
