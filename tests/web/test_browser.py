"""The reader in a real headless Chromium (Debian's chromium and chromium-driver), driven by Selenium.

These tests fail, never skip, when the browser is missing: `make test` installs it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from web.conftest import ServedLibrary

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for needed in (CHROMIUM, CHROMEDRIVER):
        if not needed.exists():
            pytest.fail(
                f"{needed} is missing: install Debian's chromium and chromium-driver (make test does)"
            )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    # The driver is given explicitly, so Selenium never tries to download one.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(driver.capabilities.get("chrome", {}).get("userDataDir", ""), ignore_errors=True)


def screenshot(driver, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def titles_on_page(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".blurb .heading a")]


def no_alert_opened(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert  # noqa: B018 (the property raises when no alert is open)
    except NoAlertPresentException:
        return True
    return False


def test_search_then_filter_by_rating(browser, served: ServedLibrary) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get(served.url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header.site input[name=q]")
    box.send_keys("Willow")
    box.submit()
    WebDriverWait(browser, 10).until(lambda driver: "q=Willow" in driver.current_url)
    assert "All Talk" in titles_on_page(browser)
    screenshot(browser, "search-willow")

    browser.get(served.url + "/")
    all_titles = titles_on_page(browser)
    assert {"All Talk", "Harbour Lights"} <= set(all_titles)
    teen = browser.find_element(
        By.CSS_SELECTOR, ".facet-rating input[name=rating][value='Teen And Up Audiences']"
    )
    teen.click()
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda driver: "rating=" in driver.current_url)
    assert "rating=Teen+And+Up+Audiences" in browser.current_url
    filtered = titles_on_page(browser)
    assert "Harbour Lights" in filtered  # declared Teen And Up Audiences
    assert 0 < len(filtered) < len(all_titles)
    for blurb in browser.find_elements(By.CSS_SELECTOR, ".blurb .required-tags li:first-child"):
        assert blurb.get_attribute("title") == "Rating: Teen And Up Audiences"
    screenshot(browser, "search-rating-teen")


def test_handmade_speakers_have_their_own_colours(browser, served: ServedLibrary) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served.url}/works/{served.by_title['Harbour Lights']}")
    mara = browser.find_element(By.CSS_SELECTOR, ".story .quote[title='Mara says']")
    theo = browser.find_element(By.CSS_SELECTOR, ".story .quote[title='Theo says']")
    assert mara.value_of_css_property("color") != theo.value_of_css_property("color")
    assert mara.value_of_css_property("color") != browser.find_element(
        By.CSS_SELECTOR, ".story p"
    ).value_of_css_property("color")
    thought = browser.find_element(By.CSS_SELECTOR, ".story .thought")
    assert thought.value_of_css_property("font-style") == "italic"
    screenshot(browser, "work-handmade")


def test_evidence_is_one_click_away(browser, served: ServedLibrary) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served.url}/works/{served.by_title['Harbour Lights']}")
    details = browser.find_element(By.CSS_SELECTOR, "dd.additional details.evidence")
    link = details.find_element(By.CSS_SELECTOR, "a[href^='#o']")
    assert details.get_attribute("open") is None
    details.find_element(By.CSS_SELECTOR, "summary .why").click()
    assert details.get_attribute("open") is not None
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    assert browser.current_url.endswith("#" + target)
    assert browser.find_element(By.ID, target).get_attribute("class") == "evidence-anchor"


def test_all_talk_willow_and_spike_in_different_colours(browser, served: ServedLibrary) -> None:
    """Needs the dialogue stage: quotes with speakers (Willow and Spike from the BtVS pack)."""
    from selenium.webdriver.common.by import By

    browser.get(f"{served.url}/works/{served.id_of_file('002_690171456645192b.txt')}")
    assert browser.find_element(By.CSS_SELECTOR, "h1.title").text == "All Talk"
    willow = browser.find_elements(By.CSS_SELECTOR, ".story .quote[title^='Willow']")
    spike = browser.find_elements(By.CSS_SELECTOR, ".story .quote[title^='Spike']")
    assert willow, "no line of the story is attributed to Willow"
    assert spike, "no line of the story is attributed to Spike"
    willow_colour = willow[0].value_of_css_property("color")
    spike_colour = spike[0].value_of_css_property("color")
    assert willow_colour != spike_colour
    # Every line of one speaker has that speaker's colour.
    assert {line.value_of_css_property("color") for line in willow} == {willow_colour}
    assert willow[0].get_attribute("title").startswith("Willow")
    screenshot(browser, "work-all-talk")


@pytest.mark.parametrize("file_name", ["xss_story.txt", "xss.txt"])
def test_markup_in_a_story_shows_as_text_and_never_runs(
    browser, served: ServedLibrary, file_name: str
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served.url}/works/{served.id_of_file(file_name)}")
    story = browser.find_element(By.CSS_SELECTOR, ".story").text
    assert "<script>alert(1)</script>" in story
    assert "<img src=x onerror=alert(1)>" in story
    assert browser.find_elements(By.TAG_NAME, "img") == []
    assert no_alert_opened(browser)
    scripts = browser.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/static/reader.js"]
    screenshot(browser, f"work-{file_name.removesuffix('.txt')}")


def test_cast_button_fades_other_speakers(browser, served: ServedLibrary) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served.url}/works/{served.by_title['Harbour Lights']}")
    browser.find_element(By.CSS_SELECTOR, ".cast-name[data-speaker='speaker-c2']").click()
    mara = browser.find_element(By.CSS_SELECTOR, ".story .quote[title='Mara says']")
    theo = browser.find_element(By.CSS_SELECTOR, ".story .quote[title='Theo says']")
    assert float(mara.value_of_css_property("opacity")) < 1
    assert float(theo.value_of_css_property("opacity")) == 1
