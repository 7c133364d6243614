"""Every control the page marks is in glassnet's registry, and every entry is on the page."""

from glassnet.controls import CONTROLS
from glassnet.session import SETTINGS

MARKED = """() => [...document.querySelectorAll('[data-control]')]
  .flatMap((el) => el.dataset.control.split(/\\s+/)).filter(Boolean)"""


def test_every_control_on_the_page_is_registered_and_every_registered_one_is_there(
    playground, page
):
    playground("/")
    page.wait_for_selector(".gn-host-tools")  # the page's own tools load after the first frame
    seen = set(page.evaluate(MARKED))
    page.get_by_role("button", name="Step through", exact=True).click()
    page.wait_for_selector("[data-control~='explainSize']")
    seen |= set(page.evaluate(MARKED))
    embed = page.context.new_page()
    embed.goto(page.url.split("#")[0].rstrip("/") + "/embed")
    embed.wait_for_selector(".glassnet[data-ready='true']")
    seen |= set(embed.evaluate(MARKED))
    embed.close()
    assert seen - set(CONTROLS) == set(), "marked on the page but not in glassnet/controls.py"
    assert set(CONTROLS) - seen == set(), "registered but not on the page"


def test_the_data_panels_sliders_take_their_ranges_from_the_settings_table(playground, page):
    playground("/")
    for name, element in (("noise", "#gn-dp-noise"), ("train_percent", "#gn-dp-train-percent")):
        spec = SETTINGS[name]
        slider = page.locator(element)
        assert float(slider.get_attribute("min")) == spec.low
        assert float(slider.get_attribute("max")) == spec.high
    classes = page.locator("#gn-dp-classes option").all_inner_texts()
    spec = SETTINGS["classes"]
    assert classes == [str(n) for n in range(spec.low, spec.high + 1)]
